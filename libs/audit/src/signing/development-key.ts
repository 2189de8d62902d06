import { createHash, createPrivateKey } from 'node:crypto';
import { Ed25519AuditSigner } from './audit-signer';

export const DEVELOPMENT_AUDIT_KEY_ID = 'development';

/** DER prefix of a PKCS#8 Ed25519 private key (RFC 8410), followed by the 32-byte seed. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * FOR DEVELOPMENT AND TESTS ONLY. A signer whose private key is derived from a fixed, published
 * seed: anyone can compute it, so its checkpoints prove nothing. It lets the system run without
 * configuration outside production; production refuses it (see auditSignerFromEnvironment).
 */
export function developmentAuditSigner(): Ed25519AuditSigner {
  const seed = createHash('sha256').update('reprisals-case-handling/audit/development-key/v1').digest();
  const key = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return new Ed25519AuditSigner(DEVELOPMENT_AUDIT_KEY_ID, key);
}
