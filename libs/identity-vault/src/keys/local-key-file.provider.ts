import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { KEY_BYTES, type KeyProvider } from './key-provider';

const WRAP_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const WRAPPED_BYTES = 1 + IV_BYTES + TAG_BYTES + KEY_BYTES;

/**
 * A KEK held in this process, read from a key file (see `readKeyFile`). Wraps with AES-256-GCM:
 * `version | IV | tag | encrypted data key`, with the KEK's id and the context as additional
 * data. Its id is derived from the key (`local-` and 16 hex digits of an HMAC), so a different
 * file is a different id and a key wrapped under another file is reported, not mis-decrypted.
 */
export class LocalKeyFileProvider implements KeyProvider {
  readonly keyId: string;
  private readonly kek: KeyObject;

  constructor(kek: Buffer) {
    if (!Buffer.isBuffer(kek) || kek.length !== KEY_BYTES) {
      throw new Error(`A local key-encryption key is ${KEY_BYTES} bytes`);
    }
    this.kek = createSecretKey(kek);
    this.keyId = `local-${createHmac('sha256', kek).update('reprisals/identity-vault/kek-id/v1').digest('hex').slice(0, 16)}`;
  }

  async wrap(dataKey: Buffer, context: string): Promise<Buffer> {
    if (dataKey.length !== KEY_BYTES) throw new Error(`A data key is ${KEY_BYTES} bytes`);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.kek, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(this.additionalData(context));
    const encrypted = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return Buffer.concat([Buffer.of(WRAP_VERSION), iv, cipher.getAuthTag(), encrypted]);
  }

  async unwrap(wrapped: Buffer, context: string): Promise<Buffer> {
    if (wrapped.length !== WRAPPED_BYTES || wrapped[0] !== WRAP_VERSION) {
      throw new Error('Not a data key wrapped by a local key-encryption key');
    }
    const iv = wrapped.subarray(1, 1 + IV_BYTES);
    const tag = wrapped.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.kek, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(this.additionalData(context));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(wrapped.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new Error(`The wrapped data key does not open under ${this.keyId} for this case`);
    }
  }

  private additionalData(context: string): Buffer {
    return Buffer.from(`reprisals/identity-vault/data-key/v1\0${this.keyId}\0${context}`, 'utf8');
  }
}
