import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  type CipherGCM,
  type DecipherGCM,
  type KeyObject,
} from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { SealedValueError } from '../errors/identity-vault.errors';
import { CIPHER, IV_BYTES, TAG_BYTES } from './sealed-value';
import { additionalData, type SealingContext } from './sealing-context';

/** First bytes of a sealed stream: format and version. */
const STREAM_MAGIC = Buffer.from('rvs1', 'ascii');
const HEADER_BYTES = STREAM_MAGIC.length + IV_BYTES;

/** How many bytes a sealed stream adds to its plaintext: magic, IV, and the tag at the end. */
export const SEALED_STREAM_OVERHEAD = HEADER_BYTES + TAG_BYTES;

/*
 * Written by hand because GCM puts its tag after the ciphertext: node:crypto's Cipheriv and
 * Decipheriv are streams already, but the tag must be appended when sealing ends and, when
 * opening, the last 16 bytes held back from the decipher and given to setAuthTag() at the end.
 * No maintained library does only that over node:crypto; these two small Transforms do, with
 * memory bounded by one chunk whatever the stream's length.
 */

/** `rvs1 | IV | AES-256-GCM ciphertext | tag`, the additional data binding case and field. */
class SealingTransform extends Transform {
  private readonly cipher: CipherGCM;

  constructor(dataKey: KeyObject, context: SealingContext) {
    super();
    const iv = randomBytes(IV_BYTES);
    this.cipher = createCipheriv(CIPHER, dataKey, iv, { authTagLength: TAG_BYTES });
    this.cipher.setAAD(additionalData('stream', context));
    this.push(Buffer.concat([STREAM_MAGIC, iv]));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      callback(null, this.cipher.update(chunk));
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.push(this.cipher.final());
      callback(null, this.cipher.getAuthTag());
    } catch (error) {
      callback(error as Error);
    }
  }
}

/**
 * Opens what SealingTransform produced. Plaintext flows out before the tag at the end is checked:
 * the stream fails at its end when anything was altered, truncated or sealed for another case
 * or field, so a consumer keeps the output provisional (a temporary file, an uncommitted row)
 * until the stream has ended without error.
 */
class OpeningTransform extends Transform {
  private header = Buffer.alloc(0);
  private decipher: DecipherGCM | undefined;
  /** The last bytes seen: they may be the tag, so they are never deciphered. */
  private tail = Buffer.alloc(0);

  constructor(
    private readonly dataKey: KeyObject,
    private readonly context: SealingContext,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      let data = chunk;
      if (!this.decipher) {
        const missing = HEADER_BYTES - this.header.length;
        this.header = Buffer.concat([this.header, data.subarray(0, missing)]);
        data = data.subarray(missing);
        if (this.header.length < HEADER_BYTES) return callback();
        this.decipher = this.startDecipher(this.header);
      }
      const available = this.tail.length > 0 ? Buffer.concat([this.tail, data]) : data;
      if (available.length <= TAG_BYTES) {
        this.tail = Buffer.from(available);
        return callback();
      }
      const cut = available.length - TAG_BYTES;
      this.tail = Buffer.from(available.subarray(cut));
      callback(null, this.decipher.update(available.subarray(0, cut)));
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    if (!this.decipher || this.tail.length < TAG_BYTES) {
      return callback(this.failure('it is truncated'));
    }
    try {
      this.decipher.setAuthTag(this.tail);
      callback(null, this.decipher.final());
    } catch {
      callback(this.failure('it was altered or truncated, or was sealed for another case or field'));
    }
  }

  private startDecipher(header: Buffer): DecipherGCM {
    if (!header.subarray(0, STREAM_MAGIC.length).equals(STREAM_MAGIC)) {
      throw this.failure('it is not a sealed stream');
    }
    const decipher = createDecipheriv(CIPHER, this.dataKey, header.subarray(STREAM_MAGIC.length), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(additionalData('stream', this.context));
    return decipher;
  }

  private failure(reason: string): SealedValueError {
    return new SealedValueError(this.context.caseId, this.context.field, reason);
  }
}

export function createSealingTransform(dataKey: KeyObject, context: SealingContext): Transform {
  return new SealingTransform(dataKey, context);
}

export function createOpeningTransform(dataKey: KeyObject, context: SealingContext): Transform {
  return new OpeningTransform(dataKey, context);
}
