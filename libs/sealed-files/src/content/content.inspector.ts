import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { SealedFileTooLarge, SealedFileTypeRefused } from '../errors/sealed-file.errors';
import type { ContentPolicy } from './content.policy';

/**
 * How much of a file is held back and read for its type: enough for file-type to look past the
 * first entries of a zip (docx, odt) or an ID3 tag; the rest streams through untouched.
 */
export const CONTENT_SAMPLE_BYTES = 64 * 1024;

export interface ContentInspectorOptions {
  /** The part's Content-Type, as the client declared it. */
  declaredType: string;
  maxBytes: number;
  content: ContentPolicy;
  sampleBytes?: number;
}

/**
 * A pass-through for the plaintext of a file on its way to be sealed: it counts the bytes and
 * fails with SealedFileTooLarge at the first byte past the limit; it holds back the first
 * CONTENT_SAMPLE_BYTES until file-type has read their magic number, failing with
 * SealedFileTypeRefused when the content policy refuses what they say; and it hashes everything
 * (SHA-256). Memory: the sample and one chunk, whatever the file's size.
 *
 * file-type is an ES module: this CommonJS code loads it with require(esm) (Node 22.12+, and
 * Jest with VM modules), since it has no top-level await.
 */
export class ContentInspector extends Transform {
  private readonly hash = createHash('sha256');
  private readonly sampleBytes: number;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private digest: string | undefined;
  private acceptedType: string | undefined;
  /** Set at the first fault: chunks already on their way are dropped. */
  private refused = false;
  /** Bytes accepted so far (never more than the limit). */
  size = 0;

  constructor(private readonly options: ContentInspectorOptions) {
    super();
    this.sampleBytes = options.sampleBytes ?? CONTENT_SAMPLE_BYTES;
  }

  /** The type the file is kept under, once its sample was judged. */
  get contentType(): string {
    if (!this.acceptedType) throw new Error('The file has not been judged yet');
    return this.acceptedType;
  }

  /** SHA-256 of the whole plaintext (hex), once the stream has ended. */
  get sha256(): string {
    if (!this.digest) throw new Error('The file has not been read to its end yet');
    return this.digest;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.refused) return callback();
    if (this.size + chunk.length > this.options.maxBytes) {
      this.refused = true;
      return callback(new SealedFileTooLarge(this.options.maxBytes));
    }
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.acceptedType) return callback(null, chunk);
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
    if (this.acceptedType || this.size === 0) return finish(null);
    this.judgeSample(finish);
  }

  private judgeSample(callback: TransformCallback): void {
    const held = Buffer.concat(this.held);
    this.held = [];
    const sample = held.subarray(0, this.sampleBytes);
    const { content, declaredType } = this.options;
    detectedType(sample).then(
      (detected) => {
        const verdict = content.judge(declaredType, detected, sample);
        if (!verdict.accepted) {
          this.refused = true;
          return callback(new SealedFileTypeRefused(verdict.reason, content.accepted));
        }
        this.acceptedType = verdict.contentType;
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
