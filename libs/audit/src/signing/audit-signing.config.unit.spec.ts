import { generateKeyPairSync, verify } from 'node:crypto';
import { auditSignerFromEnvironment, trustedAuditKeysFromEnvironment } from './audit-signing.config';
import { DEVELOPMENT_AUDIT_KEY_ID } from './development-key';

function ed25519Pems(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

describe('audit signing keys from the environment', () => {
  it('given no key outside production, when the signer is read, then it is the development key, the same in every process', () => {
    const first = auditSignerFromEnvironment({ NODE_ENV: 'development' });
    const second = auditSignerFromEnvironment({});

    expect(first.keyId).toBe(DEVELOPMENT_AUDIT_KEY_ID);
    expect(first.publicKey.export({ format: 'jwk' })).toEqual(second.publicKey.export({ format: 'jwk' }));
  });

  it('given production without a key, when the signer is read, then it fails naming the variables', () => {
    expect(() => auditSignerFromEnvironment({ NODE_ENV: 'production' })).toThrow(
      'AUDIT_SIGNING_KEY (PKCS#8 PEM of an Ed25519 private key) and AUDIT_SIGNING_KEY_ID are required in production',
    );
  });

  it('given a configured key, when the signer signs, then its public key verifies the signature', () => {
    const { privatePem } = ed25519Pems();
    const signer = auditSignerFromEnvironment({
      NODE_ENV: 'production',
      AUDIT_SIGNING_KEY: privatePem.replace(/\n/g, '\\n'),
      AUDIT_SIGNING_KEY_ID: 'ohchr-2026',
    });

    const data = Buffer.from('head');
    expect(signer.keyId).toBe('ohchr-2026');
    expect(verify(null, data, signer.publicKey, Buffer.from(signer.sign(data), 'base64'))).toBe(true);
  });

  it('given a key without an id, or under the development id, when the signer is read, then it is refused', () => {
    const { privatePem } = ed25519Pems();

    expect(() => auditSignerFromEnvironment({ AUDIT_SIGNING_KEY: privatePem })).toThrow(
      'AUDIT_SIGNING_KEY_ID',
    );
    expect(() =>
      auditSignerFromEnvironment({ AUDIT_SIGNING_KEY: privatePem, AUDIT_SIGNING_KEY_ID: 'development' }),
    ).toThrow('must not be "development"');
  });

  it('given a key that is not Ed25519 or not PEM, when the signer is read, then the error never quotes the key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const garbage = '-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END PRIVATE KEY-----';

    expect(() => auditSignerFromEnvironment({ AUDIT_SIGNING_KEY: rsa, AUDIT_SIGNING_KEY_ID: 'k1' })).toThrow(
      'AUDIT_SIGNING_KEY: An audit signing key must be an Ed25519 private key',
    );
    expect(() =>
      auditSignerFromEnvironment({ AUDIT_SIGNING_KEY: garbage, AUDIT_SIGNING_KEY_ID: 'k1' }),
    ).toThrow(/^AUDIT_SIGNING_KEY: The audit signing key is not a PKCS#8 PEM private key$/);
  });

  it('given trusted keys and a signing key, when the trusted keys are read, then both the listed and the own key are trusted', () => {
    const old = ed25519Pems();
    const current = ed25519Pems();

    const keys = trustedAuditKeysFromEnvironment({
      NODE_ENV: 'production',
      AUDIT_TRUSTED_KEYS: JSON.stringify({ 'ohchr-2025': old.publicPem }),
      AUDIT_SIGNING_KEY: current.privatePem,
      AUDIT_SIGNING_KEY_ID: 'ohchr-2026',
    });

    expect([...keys.keys()].sort()).toEqual(['ohchr-2025', 'ohchr-2026']);
  });

  it('given nothing configured, when the trusted keys are read, then only outside production is the development key trusted', () => {
    expect([...trustedAuditKeysFromEnvironment({}).keys()]).toEqual([DEVELOPMENT_AUDIT_KEY_ID]);
    expect(() => trustedAuditKeysFromEnvironment({ NODE_ENV: 'production' })).toThrow(
      'AUDIT_TRUSTED_KEYS or AUDIT_SIGNING_KEY is required in production',
    );
  });

  it('given the development key listed as trusted in production, when the trusted keys are read, then it is refused', () => {
    const development = auditSignerFromEnvironment({})
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();

    expect(() =>
      trustedAuditKeysFromEnvironment({
        NODE_ENV: 'production',
        AUDIT_TRUSTED_KEYS: JSON.stringify({ development }),
      }),
    ).toThrow('The development audit key cannot be trusted in production');
  });

  it('given trusted keys that are not a JSON map of PEM keys, when read, then the variable is named', () => {
    expect(() => trustedAuditKeysFromEnvironment({ AUDIT_TRUSTED_KEYS: '[1' })).toThrow(
      'AUDIT_TRUSTED_KEYS is not JSON',
    );
    expect(() => trustedAuditKeysFromEnvironment({ AUDIT_TRUSTED_KEYS: '{"k1": 3}' })).toThrow(
      'AUDIT_TRUSTED_KEYS must be a JSON object',
    );
    expect(() => trustedAuditKeysFromEnvironment({ AUDIT_TRUSTED_KEYS: '{"k1": "not a key"}' })).toThrow(
      'AUDIT_TRUSTED_KEYS: Trusted audit key k1 is not a PEM public key',
    );
  });
});
