import { createReadStream, createWriteStream, type ReadStream, type WriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The sealed reply documents, one file per document in one directory (REPLY_DOCUMENTS_DIR,
 * mode 700): a file is named by its document id and nothing else, and holds only what the
 * identity vault's sealing stream wrote. A file is written as `<id>.partial` and takes its final
 * name once it was written whole and flushed, so a final name always means a complete file.
 */
export class ReplyDocumentFileStore {
  constructor(readonly directory: string) {}

  /** Creates the directory (mode 700) if it is missing. */
  async prepare(): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
  }

  pathOf(documentId: string): string {
    return join(this.directory, checkedId(documentId));
  }

  /** A new, exclusive file (mode 600) for the sealed bytes of a document, flushed on close. */
  createPartial(documentId: string): WriteStream {
    return createWriteStream(this.partialPathOf(documentId), { flags: 'wx', mode: 0o600, flush: true });
  }

  /** Gives a partial file its final name, durably. */
  async keep(documentId: string): Promise<void> {
    await rename(this.partialPathOf(documentId), this.pathOf(documentId));
    const directory = await open(this.directory, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  }

  /** Removes whatever was written for the document, partial or final. Idempotent. */
  async discard(documentId: string): Promise<void> {
    await Promise.all([
      rm(this.partialPathOf(documentId), { force: true }),
      rm(this.pathOf(documentId), { force: true }),
    ]);
  }

  /** The sealed bytes of a kept document; undefined when its file is missing. */
  async openSealed(documentId: string): Promise<ReadStream | undefined> {
    const path = this.pathOf(documentId);
    try {
      await stat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return createReadStream(path);
  }

  private partialPathOf(documentId: string): string {
    return join(this.directory, `${checkedId(documentId)}.partial`);
  }
}

/** Only a document id (a lower-case UUID, which this service makes) ever becomes a file name. */
function checkedId(documentId: string): string {
  if (!UUID.test(documentId)) throw new TypeError('A reply document id is a lower-case UUID');
  return documentId;
}
