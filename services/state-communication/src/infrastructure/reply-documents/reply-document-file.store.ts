import { SealedFileStore } from '@reprisals/sealed-files';

/**
 * The sealed reply documents, one file per document in one directory (REPLY_DOCUMENTS_DIR,
 * mode 700), each named by its document id.
 */
export class ReplyDocumentFileStore extends SealedFileStore {}
