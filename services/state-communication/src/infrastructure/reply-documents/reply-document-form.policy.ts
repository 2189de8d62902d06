import { typeReadFromContent, type SealedFileFormRules } from '@reprisals/sealed-files';
import type { ReplyDocumentStorageConfig } from './reply-document-storage.config';

/**
 * What the upload of one reply document may hold: one `file` part and nothing else, at most the
 * size limit, whose first bytes are those of an accepted media type (what the client declares
 * does not count).
 */
export function replyDocumentFormRules(config: ReplyDocumentStorageConfig): SealedFileFormRules {
  return { maxBytes: config.maxBytes, content: typeReadFromContent(config.mediaTypes) };
}
