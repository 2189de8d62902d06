import { SealedFileStore } from '@reprisals/sealed-files';

/**
 * The sealed evidence files of intake, one per attachment, in one directory (ATTACHMENTS_DIR,
 * mode 700), each named by its attachment id (see ADR 0008 for the files left by a crash).
 */
export class EvidenceFileStore extends SealedFileStore {}
