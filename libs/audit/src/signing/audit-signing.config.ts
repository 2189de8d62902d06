import { z } from 'zod';
import { Ed25519AuditSigner, isAuditKeyId, type AuditSigner } from './audit-signer';
import { DEVELOPMENT_AUDIT_KEY_ID, developmentAuditSigner } from './development-key';
import { trustedAuditKeysFromPem, type TrustedAuditKeys } from './trusted-keys';

/** A configuration that cannot sign or verify the audit chain; the message never quotes a key. */
export class AuditConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditConfigurationError';
  }
}

/** PEM read from a one-line environment variable may carry `\n` for its line breaks. */
function pemFrom(value: string): string {
  return value.includes('\\n') ? value.replace(/\\n/g, '\n') : value;
}

const isProduction = (env: NodeJS.ProcessEnv): boolean => env['NODE_ENV'] === 'production';

/**
 * The key that signs this process's checkpoints: AUDIT_SIGNING_KEY (PKCS#8 PEM of an Ed25519
 * private key) with AUDIT_SIGNING_KEY_ID. Without them, outside production only, the development
 * key (id `development`, derived from a published seed: it proves nothing). In production a key
 * is required and the development key id is refused.
 */
export function auditSignerFromEnvironment(env: NodeJS.ProcessEnv = process.env): AuditSigner {
  const pem = env['AUDIT_SIGNING_KEY']?.trim();
  const keyId = env['AUDIT_SIGNING_KEY_ID']?.trim();
  if (!pem) {
    if (keyId) throw new AuditConfigurationError('AUDIT_SIGNING_KEY_ID is set but AUDIT_SIGNING_KEY is not');
    if (isProduction(env)) {
      throw new AuditConfigurationError(
        'AUDIT_SIGNING_KEY (PKCS#8 PEM of an Ed25519 private key) and AUDIT_SIGNING_KEY_ID are required in production',
      );
    }
    return developmentAuditSigner();
  }
  if (!keyId || !isAuditKeyId(keyId)) {
    throw new AuditConfigurationError(
      'AUDIT_SIGNING_KEY_ID must name the signing key: 1 to 64 letters, digits, dots, hyphens or underscores',
    );
  }
  if (keyId === DEVELOPMENT_AUDIT_KEY_ID) {
    throw new AuditConfigurationError(`AUDIT_SIGNING_KEY_ID must not be "${DEVELOPMENT_AUDIT_KEY_ID}"`);
  }
  try {
    return Ed25519AuditSigner.fromPem(keyId, pemFrom(pem));
  } catch (error) {
    throw new AuditConfigurationError(`AUDIT_SIGNING_KEY: ${(error as Error).message}`);
  }
}

const trustedKeysSchema = z.record(z.string(), z.string().min(1));

/**
 * The keys checkpoints are verified against: AUDIT_TRUSTED_KEYS, a JSON object of key id to
 * SPKI PEM public key (old keys stay there after a rotation), plus the public half of
 * AUDIT_SIGNING_KEY when set. Without either, outside production only, the development key.
 * Production never trusts the development key.
 */
export function trustedAuditKeysFromEnvironment(env: NodeJS.ProcessEnv = process.env): TrustedAuditKeys {
  const keys = new Map(parseTrustedKeys(env['AUDIT_TRUSTED_KEYS']));
  if (env['AUDIT_SIGNING_KEY']?.trim()) {
    const signer = auditSignerFromEnvironment(env);
    keys.set(signer.keyId, signer.publicKey);
  }
  if (isProduction(env)) {
    if (keys.has(DEVELOPMENT_AUDIT_KEY_ID)) {
      throw new AuditConfigurationError('The development audit key cannot be trusted in production');
    }
    if (keys.size === 0) {
      throw new AuditConfigurationError('AUDIT_TRUSTED_KEYS or AUDIT_SIGNING_KEY is required in production');
    }
  } else if (keys.size === 0) {
    const development = developmentAuditSigner();
    keys.set(development.keyId, development.publicKey);
  }
  return keys;
}

function parseTrustedKeys(value: string | undefined): TrustedAuditKeys {
  if (!value?.trim()) return new Map();
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new AuditConfigurationError('AUDIT_TRUSTED_KEYS is not JSON: use {"<key id>": "<PEM public key>"}');
  }
  const parsed = trustedKeysSchema.safeParse(json);
  if (!parsed.success) {
    throw new AuditConfigurationError('AUDIT_TRUSTED_KEYS must be a JSON object of key id to PEM public key');
  }
  const pems = Object.fromEntries(Object.entries(parsed.data).map(([keyId, pem]) => [keyId, pemFrom(pem)]));
  try {
    return trustedAuditKeysFromPem(pems);
  } catch (error) {
    throw new AuditConfigurationError(`AUDIT_TRUSTED_KEYS: ${(error as Error).message}`);
  }
}
