import { createReadStream, createWriteStream, type ReadStream, type WriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The sealed evidence files of intake, one per attachment, in one directory (ATTACHMENTS_DIR,
 * mode 700): a file is named by its attachment id and nothing else, and holds only what the
 * identity vault's sealing stream wrote (`rvs1 | IV | ciphertext | tag`). A file is written as
 * `<id>.partial` and takes its final name only once it was written whole and flushed to disk, so
 * a final name always means a complete file (see ADR 0008 for the files left by a crash).
 */
export class EvidenceFileStore {
  constructor(readonly directory: string) {}

  /** Creates the directory (mode 700) if it is missing. */
  async prepare(): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
  }

  pathOf(attachmentId: string): string {
    return join(this.directory, checkedId(attachmentId));
  }

  /** A new, exclusive file (mode 600) for the sealed bytes of an attachment, flushed on close. */
  createPartial(attachmentId: string): WriteStream {
    return createWriteStream(this.partialPathOf(attachmentId), { flags: 'wx', mode: 0o600, flush: true });
  }

  /** Gives a partial file its final name, durably. */
  async keep(attachmentId: string): Promise<void> {
    await rename(this.partialPathOf(attachmentId), this.pathOf(attachmentId));
    const directory = await open(this.directory, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  }

  /** Removes whatever was written for the attachment, partial or final. Idempotent. */
  async discard(attachmentId: string): Promise<void> {
    await Promise.all([
      rm(this.partialPathOf(attachmentId), { force: true }),
      rm(this.pathOf(attachmentId), { force: true }),
    ]);
  }

  /** The sealed bytes of a kept attachment; undefined when its file is missing. */
  async openSealed(attachmentId: string): Promise<ReadStream | undefined> {
    const path = this.pathOf(attachmentId);
    try {
      await stat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return createReadStream(path);
  }

  private partialPathOf(attachmentId: string): string {
    return join(this.directory, `${checkedId(attachmentId)}.partial`);
  }
}

/** Only an attachment id (a lower-case UUID, which intake makes) ever becomes a file name. */
function checkedId(attachmentId: string): string {
  if (!UUID.test(attachmentId)) throw new TypeError('An attachment id is a lower-case UUID');
  return attachmentId;
}
