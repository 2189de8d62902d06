import type { Provider } from '@nestjs/common';
import { sealedFileStorageProviders } from '@reprisals/sealed-files';
import { ReplyDocumentFileStore } from './reply-document-file.store';
import { replyDocumentStorageConfigFromEnvironment } from './reply-document-storage.config';

/** Inject the reply document storage configuration (directory, size limit, accepted types). */
export const REPLY_DOCUMENT_STORAGE_CONFIG = Symbol('REPLY_DOCUMENT_STORAGE_CONFIG');

/**
 * The configuration and the store of reply documents, read and prepared when the service
 * starts: a missing REPLY_DOCUMENTS_DIR in production, or a directory that cannot be created,
 * stops the process before it serves.
 */
export function replyDocumentStorageProviders(env: NodeJS.ProcessEnv = process.env): Provider[] {
  return sealedFileStorageProviders({
    configToken: REPLY_DOCUMENT_STORAGE_CONFIG,
    config: () => replyDocumentStorageConfigFromEnvironment(env),
    store: ReplyDocumentFileStore,
  });
}
