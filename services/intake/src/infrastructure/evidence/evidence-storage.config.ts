import { join } from 'node:path';
import { z } from 'zod';
import { findRepoRoot } from '@reprisals/persistence';
import {
  canonicalContentType,
  directoryRequiredInProduction,
  directorySetting,
  settingProblems,
  storageDirectory,
  unsetWhenEmpty,
} from '@reprisals/sealed-files';

/** Outside production, without ATTACHMENTS_DIR: this directory under the workspace root. */
export const DEVELOPMENT_ATTACHMENTS_DIR = join('.data', 'attachments');

export const DEFAULT_ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * What can be attached unless ATTACHMENT_CONTENT_TYPES says otherwise: documents, images, audio
 * and video a victim or a source typically sends. Each one is checked against the file's own
 * first bytes, not only against what the client declares.
 */
export const DEFAULT_ATTACHMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'audio/mpeg',
  'audio/ogg',
  'audio/wav',
  'video/mp4',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
] as const;

/** Where evidence files are kept, how large they may be and which types are accepted. */
export interface EvidenceStorageConfig {
  /** Absolute path of the directory holding the sealed files, one per attachment id. */
  directory: string;
  maxBytes: number;
  /** Canonical media types (no parameters, aliases resolved). */
  contentTypes: readonly string[];
}

/** A configuration intake cannot start with; the message names the variable at fault. */
export class EvidenceStorageConfigurationError extends Error {
  override readonly name = 'EvidenceStorageConfigurationError';
}

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

const EvidenceStorageEnvSchema = z
  .object({
    NODE_ENV: z.string().optional(),
    ATTACHMENTS_DIR: directorySetting(),
    ATTACHMENT_MAX_BYTES: z.preprocess(
      unsetWhenEmpty,
      z.coerce
        .number({ error: 'must be a number of bytes' })
        .int({ error: 'must be a whole number of bytes' })
        .positive({ error: 'must be at least 1 byte' })
        .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' })
        .default(DEFAULT_ATTACHMENT_MAX_BYTES),
    ),
    ATTACHMENT_CONTENT_TYPES: z.preprocess(
      unsetWhenEmpty,
      z
        .string()
        .transform((list) =>
          list
            .split(',')
            .map((type) => type.trim().toLowerCase())
            .filter(Boolean),
        )
        .pipe(
          z
            .array(z.string().regex(MEDIA_TYPE, { error: 'must list media types such as application/pdf' }))
            .min(1, { error: 'must list at least one media type' }),
        )
        .optional(),
    ),
  })
  .superRefine(directoryRequiredInProduction('ATTACHMENTS_DIR'));

/**
 * ATTACHMENTS_DIR (default `.data/attachments` under the workspace root, required in
 * production), ATTACHMENT_MAX_BYTES (default 50 MiB) and ATTACHMENT_CONTENT_TYPES (a
 * comma-separated allow-list; default DEFAULT_ATTACHMENT_CONTENT_TYPES). Throws naming the
 * variable at fault, so that intake stops before it serves.
 */
export function evidenceStorageConfigFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  repoRoot: string = findRepoRoot(),
): EvidenceStorageConfig {
  const result = EvidenceStorageEnvSchema.safeParse(env);
  if (!result.success) {
    throw new EvidenceStorageConfigurationError(
      `Evidence storage configuration is not valid: ${settingProblems(result.error)}`,
    );
  }
  const { ATTACHMENTS_DIR, ATTACHMENT_MAX_BYTES, ATTACHMENT_CONTENT_TYPES } = result.data;
  return {
    directory: storageDirectory(ATTACHMENTS_DIR, repoRoot, DEVELOPMENT_ATTACHMENTS_DIR),
    maxBytes: ATTACHMENT_MAX_BYTES,
    contentTypes: [
      ...new Set((ATTACHMENT_CONTENT_TYPES ?? DEFAULT_ATTACHMENT_CONTENT_TYPES).map(canonicalContentType)),
    ],
  };
}
