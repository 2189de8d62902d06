import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';

export const AUDIT_SIGNATURE_ALGORITHM = 'Ed25519';

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Signs checkpoints of the audit chain with one Ed25519 key, known to verifiers by its id. */
export interface AuditSigner {
  readonly keyId: string;
  readonly algorithm: typeof AUDIT_SIGNATURE_ALGORITHM;
  readonly publicKey: KeyObject;
  /** Base64 signature of `data`. */
  sign(data: Buffer): string;
}

export class Ed25519AuditSigner implements AuditSigner {
  readonly algorithm = AUDIT_SIGNATURE_ALGORITHM;
  readonly publicKey: KeyObject;

  constructor(
    readonly keyId: string,
    private readonly privateKey: KeyObject,
  ) {
    if (!KEY_ID.test(keyId)) {
      throw new Error('An audit key id is 1 to 64 letters, digits, dots, hyphens or underscores');
    }
    if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
      throw new Error('An audit signing key must be an Ed25519 private key');
    }
    this.publicKey = createPublicKey(privateKey);
  }

  /** A signer from a PKCS#8 PEM private key (`openssl genpkey -algorithm ed25519`). */
  static fromPem(keyId: string, pkcs8Pem: string): Ed25519AuditSigner {
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: pkcs8Pem, format: 'pem' });
    } catch {
      // The parser's message could quote the key material: say only what is wrong.
      throw new Error('The audit signing key is not a PKCS#8 PEM private key');
    }
    return new Ed25519AuditSigner(keyId, key);
  }

  sign(data: Buffer): string {
    return sign(null, data, this.privateKey).toString('base64');
  }
}

export function isAuditKeyId(value: string): boolean {
  return KEY_ID.test(value);
}
