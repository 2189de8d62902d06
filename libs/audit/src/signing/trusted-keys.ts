import { createPublicKey, type KeyObject } from 'node:crypto';
import { isAuditKeyId } from './audit-signer';

/** The public keys a verifier accepts checkpoint signatures from, by key id. */
export type TrustedAuditKeys = ReadonlyMap<string, KeyObject>;

/** Public keys from a map of key id to SPKI PEM (`openssl pkey -pubout`). */
export function trustedAuditKeysFromPem(pems: Readonly<Record<string, string>>): TrustedAuditKeys {
  const keys = new Map<string, KeyObject>();
  for (const [keyId, pem] of Object.entries(pems)) {
    if (!isAuditKeyId(keyId)) throw new Error('A trusted audit key id is not a valid key id');
    let key: KeyObject;
    try {
      key = createPublicKey({ key: pem, format: 'pem' });
    } catch {
      throw new Error(`Trusted audit key ${keyId} is not a PEM public key`);
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`Trusted audit key ${keyId} is not Ed25519`);
    keys.set(keyId, key);
  }
  return keys;
}

/** Key id to SPKI PEM, for documents that carry their keys. */
export function publicKeysAsPem(keys: TrustedAuditKeys, keyIds?: Iterable<string>): Record<string, string> {
  const wanted = keyIds ? new Set(keyIds) : undefined;
  const pems: Record<string, string> = {};
  for (const [keyId, key] of keys) {
    if (!wanted || wanted.has(keyId)) pems[keyId] = key.export({ type: 'spki', format: 'pem' }).toString();
  }
  return pems;
}
