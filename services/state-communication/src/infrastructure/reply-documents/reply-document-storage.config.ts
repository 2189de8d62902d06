import { join } from 'node:path';
import { z } from 'zod';
import { findRepoRoot } from '@reprisals/persistence';
import {
  directoryRequiredInProduction,
  directorySetting,
  settingProblems,
  storageDirectory,
} from '@reprisals/sealed-files';

/** Outside production, without REPLY_DOCUMENTS_DIR: this directory under the workspace root. */
export const DEVELOPMENT_REPLY_DOCUMENTS_DIR = join('.data', 'reply-documents');

/** The largest document accepted, as for intake's evidence files (ATTACHMENT_MAX_BYTES' default). */
export const REPLY_DOCUMENT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * What a State's reply may come with, as its content says (file-type reads its first bytes, the
 * declared type does not count): documents and scans of documents.
 */
export const REPLY_DOCUMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
] as const;

/** Where reply documents are kept, how large they may be and which types are accepted. */
export interface ReplyDocumentStorageConfig {
  /** Absolute path of the directory holding the sealed files, one per document id. */
  directory: string;
  maxBytes: number;
  mediaTypes: readonly string[];
}

/** A configuration state-communication cannot start with; the message names the variable at fault. */
export class ReplyDocumentStorageConfigurationError extends Error {
  override readonly name = 'ReplyDocumentStorageConfigurationError';
}

const ReplyDocumentStorageEnvSchema = z
  .object({ NODE_ENV: z.string().optional(), REPLY_DOCUMENTS_DIR: directorySetting() })
  .superRefine(directoryRequiredInProduction('REPLY_DOCUMENTS_DIR'));

/**
 * REPLY_DOCUMENTS_DIR (default `.data/reply-documents` under the workspace root, required in
 * production). Throws naming the variable at fault, so that state-communication stops before it
 * serves.
 */
export function replyDocumentStorageConfigFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  repoRoot: string = findRepoRoot(),
): ReplyDocumentStorageConfig {
  const result = ReplyDocumentStorageEnvSchema.safeParse(env);
  if (!result.success) {
    throw new ReplyDocumentStorageConfigurationError(
      `Reply document storage configuration is not valid: ${settingProblems(result.error)}`,
    );
  }
  return {
    directory: storageDirectory(result.data.REPLY_DOCUMENTS_DIR, repoRoot, DEVELOPMENT_REPLY_DOCUMENTS_DIR),
    maxBytes: REPLY_DOCUMENT_MAX_BYTES,
    mediaTypes: REPLY_DOCUMENT_MEDIA_TYPES,
  };
}
