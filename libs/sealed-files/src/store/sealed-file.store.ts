import { createReadStream, createWriteStream, type ReadStream, type WriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Transform } from 'node:stream';
import { SealedFileChecksumVerifier, type RecordedFile } from '../download/sealed-file-checksum.verifier';
import { SealedFileMissing } from '../errors/sealed-file.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A stored file ready to stream out: its sealed bytes, the vault's opening stream, the check against what was recorded. */
export type SealedFileStages = [Readable, Transform, Transform];

/** Hears why a file written for a refused or failed upload could not be removed (no file name, no content). */
export type RemovalFailed = (failure: { error: string; code: unknown }) => void;

/**
 * Sealed files, one per id in one directory (mode 700): a file is named by its id (a lower-case
 * UUID the service makes) and nothing else, and holds only what the identity vault's sealing
 * stream wrote (`rvs1 | IV | ciphertext | tag`). A file is written as `<id>.partial` and takes
 * its final name only once it was written whole and flushed to disk, so a final name always
 * means a complete file (see ADR 0008 for the files left by a crash).
 *
 * A service extends it with a class of its own, which names its files and is its injection token.
 */
export class SealedFileStore {
  constructor(readonly directory: string) {}

  /** Creates the directory (mode 700) if it is missing. */
  async prepare(): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
  }

  pathOf(id: string): string {
    return join(this.directory, checkedId(id));
  }

  /** A new, exclusive file (mode 600) for the sealed bytes of a file, flushed on close. */
  createPartial(id: string): WriteStream {
    return createWriteStream(this.partialPathOf(id), { flags: 'wx', mode: 0o600, flush: true });
  }

  /** Gives a partial file its final name, durably. */
  async keep(id: string): Promise<void> {
    await rename(this.partialPathOf(id), this.pathOf(id));
    const directory = await open(this.directory, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  }

  /** Removes whatever was written for the id, partial or final. Idempotent. */
  async discard(id: string): Promise<void> {
    await Promise.all([rm(this.partialPathOf(id), { force: true }), rm(this.pathOf(id), { force: true })]);
  }

  /**
   * Writes a file: `write` streams it into the partial file it opens, then it takes its final
   * name, then `commit` records it. Whatever fails, what was written is removed (a removal that
   * fails is told to `removalFailed`) and the failure rethrown.
   */
  async receive<F, T>(
    id: string,
    steps: {
      write: (openDestination: () => WriteStream) => Promise<F>;
      commit: (written: F) => Promise<T>;
      removalFailed: RemovalFailed;
    },
  ): Promise<T> {
    try {
      const written = await steps.write(() => this.createPartial(id));
      await this.keep(id);
      return await steps.commit(written);
    } catch (error) {
      await this.discard(id).catch((cleanup: unknown) =>
        steps.removalFailed({
          error: cleanup instanceof Error ? cleanup.name : 'non-error',
          code: (cleanup as { code?: unknown } | undefined)?.code,
        }),
      );
      throw error;
    }
  }

  /** The sealed bytes of a kept file; undefined when it is missing. */
  async openSealed(id: string): Promise<ReadStream | undefined> {
    const path = this.pathOf(id);
    try {
      await stat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return createReadStream(path);
  }

  /**
   * The stages that stream a kept file out in clear, checked against what was recorded when it
   * was added (SealedFileChecksumVerifier). `opening` is the vault's opening stream for it.
   * Throws SealedFileMissing when the store has no file of that id.
   */
  async openChecked(id: string, opening: Transform, recorded: RecordedFile): Promise<SealedFileStages> {
    const sealed = await this.openSealed(id);
    if (!sealed) throw new SealedFileMissing(id);
    return [sealed, opening, new SealedFileChecksumVerifier(id, recorded)];
  }

  private partialPathOf(id: string): string {
    return join(this.directory, `${checkedId(id)}.partial`);
  }
}

/** Only an id (a lower-case UUID, which the service makes) ever becomes a file name. */
function checkedId(id: string): string {
  if (!UUID.test(id)) throw new TypeError('A sealed file id is a lower-case UUID');
  return id;
}
