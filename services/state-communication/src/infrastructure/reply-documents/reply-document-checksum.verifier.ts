import { createHash, timingSafeEqual } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { ReplyDocumentIntegrityError } from './reply-document.errors';

/**
 * Checks an opened reply document against the size and SHA-256 recorded when it was added, as
 * it streams out. The latest chunk is always held back until the next one comes, and the last
 * one until the check has passed: a reader whose stream fails never receives the whole file (its
 * Content-Length is not met), so it cannot take a file that failed for a complete one.
 */
export class ReplyDocumentChecksumVerifier extends Transform {
  private readonly hash = createHash('sha256');
  private pending: Buffer | undefined;
  private seen = 0;

  constructor(
    private readonly documentId: string,
    private readonly expected: { sizeBytes: number; sha256: string },
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.expected.sizeBytes) {
      return callback(new ReplyDocumentIntegrityError(this.documentId, 'it is longer than recorded'));
    }
    this.hash.update(chunk);
    const previous = this.pending;
    this.pending = chunk;
    callback(null, previous);
  }

  override _flush(callback: TransformCallback): void {
    if (this.seen !== this.expected.sizeBytes) {
      return callback(new ReplyDocumentIntegrityError(this.documentId, 'it is shorter than recorded'));
    }
    const actual = this.hash.digest();
    const expected = Buffer.from(this.expected.sha256, 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(actual, expected)) {
      return callback(new ReplyDocumentIntegrityError(this.documentId, 'its checksum differs'));
    }
    callback(null, this.pending);
  }
}
