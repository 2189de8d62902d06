import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { ReplyDocumentTooLarge, ReplyDocumentTypeRefused } from './reply-document.errors';

/**
 * How much of a file is held back and read for its type: enough for file-type to look past the
 * first entries of a zip (docx, odt); the rest streams through untouched.
 */
export const CONTENT_SAMPLE_BYTES = 64 * 1024;

export interface ReplyDocumentInspectorOptions {
  maxBytes: number;
  /** Media types accepted, as file-type names them. */
  mediaTypes: readonly string[];
  sampleBytes?: number;
}

/**
 * A pass-through for the plaintext of a reply document on its way to be sealed: it counts the
 * bytes and fails with ReplyDocumentTooLarge at the first byte past the limit; it holds back the
 * first CONTENT_SAMPLE_BYTES until file-type has read their magic number, failing with
 * ReplyDocumentTypeRefused unless they are those of an accepted type (what the client declares
 * does not count); and it hashes everything (SHA-256). Memory: the sample and one chunk.
 */
export class ReplyDocumentInspector extends Transform {
  private readonly hash = createHash('sha256');
  private readonly sampleBytes: number;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private detected: string | undefined;
  private digest: string | undefined;
  /** Set at the first fault: chunks already on their way are dropped. */
  private refused = false;
  /** Bytes accepted so far (never more than the limit). */
  size = 0;

  constructor(private readonly options: ReplyDocumentInspectorOptions) {
    super();
    this.sampleBytes = options.sampleBytes ?? CONTENT_SAMPLE_BYTES;
  }

  /** The media type the content bears out, once its sample was judged. */
  get mediaType(): string {
    if (!this.detected) throw new Error('The reply document has not been judged yet');
    return this.detected;
  }

  /** SHA-256 of the whole plaintext (hex), once the stream has ended. */
  get sha256(): string {
    if (!this.digest) throw new Error('The reply document has not been read to its end yet');
    return this.digest;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.refused) return callback();
    if (this.size + chunk.length > this.options.maxBytes) {
      this.refused = true;
      return callback(new ReplyDocumentTooLarge(this.options.maxBytes));
    }
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.detected) return callback(null, chunk);
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    if (this.heldBytes < this.sampleBytes) return callback();
    this.judgeSample(callback);
  }

  override _flush(callback: TransformCallback): void {
    const finish: TransformCallback = (error, data?: unknown) => {
      if (error) return callback(error);
      this.digest = this.hash.digest('hex');
      callback(null, data);
    };
    // An empty file has nothing to judge: the form refuses it as empty.
    if (this.detected || this.size === 0) return finish(null);
    this.judgeSample(finish);
  }

  private judgeSample(callback: TransformCallback): void {
    const held = Buffer.concat(this.held);
    this.held = [];
    detectedType(held.subarray(0, this.sampleBytes)).then(
      (detected) => {
        if (!detected || !this.options.mediaTypes.includes(detected)) {
          this.refused = true;
          return callback(new ReplyDocumentTypeRefused(this.options.mediaTypes));
        }
        this.detected = detected;
        callback(null, held);
      },
      (error: unknown) => callback(error as Error),
    );
  }
}

/** file-type's reading of the sample; a sample it cannot parse says nothing (undefined). */
async function detectedType(sample: Uint8Array): Promise<string | undefined> {
  try {
    return (await fileTypeFromBuffer(sample))?.mime;
  } catch {
    return undefined;
  }
}
