import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import { SealedValueError } from '../errors/identity-vault.errors';
import { additionalData, type SealingContext } from './sealing-context';

/** The only sealed-text version so far; a new layout gets a new prefix and old texts keep opening. */
export const SEALED_VALUE_VERSION = 'v1';
export const CIPHER = 'aes-256-gcm';
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * `v1:<iv>:<tag>:<ciphertext>`, each part unpadded base64url: AES-256-GCM under the case's data
 * key, a random 96-bit IV per value, the 128-bit tag over the ciphertext and the additional data
 * (case id and field). The key-encryption key is not named: it wraps the case's data key, not the
 * value, so rotating it re-wraps one row per case and leaves every sealed value as it is.
 * GCM keeps the length: a sealed text reveals how long its plaintext is.
 */
export function sealValue(dataKey: KeyObject, context: SealingContext, plaintext: string): string {
  if (typeof plaintext !== 'string')
    throw new TypeError('Only text is sealed: use sealJson for other values');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, dataKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData('value', context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [SEALED_VALUE_VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join(':');
}

/** The plaintext of a sealed text, or SealedValueError when it is malformed, altered or bound elsewhere. */
export function openSealedValue(dataKey: KeyObject, context: SealingContext, sealed: string): string {
  const { iv, tag, ciphertext } = parseSealedValue(context, sealed);
  const decipher = createDecipheriv(CIPHER, dataKey, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData('value', context));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedValueError(
      context.caseId,
      context.field,
      'it was altered, or was sealed for another case or field',
    );
  }
}

/** The parts of a sealed text, checked for shape before any key is looked up. */
export function parseSealedValue(
  context: SealingContext,
  sealed: string,
): { iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const malformed = (reason: string) => new SealedValueError(context.caseId, context.field, reason);
  if (typeof sealed !== 'string') throw malformed('it is not a sealed text');
  const parts = sealed.split(':');
  if (parts[0] !== SEALED_VALUE_VERSION) throw malformed(`it is not a ${SEALED_VALUE_VERSION} sealed text`);
  if (parts.length !== 4) throw malformed('it does not have the four parts of a sealed text');
  const [iv, tag, ciphertext] = parts.slice(1).map(decodeCanonical);
  if (!iv || !tag || !ciphertext) throw malformed('a part is not canonical base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
    throw malformed('its IV or tag has the wrong length');
  return { iv, tag, ciphertext };
}

/** Rejects every text but the one encoding of the bytes, so that no edit to a sealed text goes unnoticed. */
function decodeCanonical(part: string): Buffer | undefined {
  if (!BASE64URL.test(part)) return undefined;
  const bytes = Buffer.from(part, 'base64url');
  return bytes.toString('base64url') === part ? bytes : undefined;
}
