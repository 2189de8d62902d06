import { createHash, timingSafeEqual } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { SealedFileIntegrityError } from '../errors/sealed-file.errors';

/** What was recorded of a file's plaintext when it was added. */
export interface RecordedFile {
  size: number;
  /** SHA-256, hex. */
  sha256: string;
}

/**
 * Checks an opened file against the size and SHA-256 recorded when it was added, as it streams
 * out. The latest chunk is always held back until the next one comes, and the last one until the
 * check has passed: a reader whose stream fails never receives the whole file (its
 * Content-Length is not met), so it cannot take a file that failed for a complete one.
 */
export class SealedFileChecksumVerifier extends Transform {
  private readonly hash = createHash('sha256');
  private pending: Buffer | undefined;
  private seen = 0;

  constructor(
    private readonly fileId: string,
    private readonly expected: RecordedFile,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.expected.size) {
      return callback(new SealedFileIntegrityError(this.fileId, 'it is longer than recorded'));
    }
    this.hash.update(chunk);
    const previous = this.pending;
    this.pending = chunk;
    callback(null, previous);
  }

  override _flush(callback: TransformCallback): void {
    if (this.seen !== this.expected.size) {
      return callback(new SealedFileIntegrityError(this.fileId, 'it is shorter than recorded'));
    }
    const actual = this.hash.digest();
    const expected = Buffer.from(this.expected.sha256, 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(actual, expected)) {
      return callback(new SealedFileIntegrityError(this.fileId, 'its checksum differs'));
    }
    callback(null, this.pending);
  }
}
