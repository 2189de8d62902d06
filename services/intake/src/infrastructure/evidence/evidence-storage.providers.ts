import type { Provider } from '@nestjs/common';
import { sealedFileStorageProviders } from '@reprisals/sealed-files';
import { EvidenceFileStore } from './evidence-file.store';
import { evidenceStorageConfigFromEnvironment } from './evidence-storage.config';

/** Inject the evidence storage configuration (directory, size limit, accepted types). */
export const EVIDENCE_STORAGE_CONFIG = Symbol('EVIDENCE_STORAGE_CONFIG');

/**
 * The configuration and the store of evidence files, read and prepared when intake starts: an
 * invalid ATTACHMENT_* variable, or a directory that cannot be created, stops the process
 * before it serves.
 */
export function evidenceStorageProviders(env: NodeJS.ProcessEnv = process.env): Provider[] {
  return sealedFileStorageProviders({
    configToken: EVIDENCE_STORAGE_CONFIG,
    config: () => evidenceStorageConfigFromEnvironment(env),
    store: EvidenceFileStore,
  });
}
