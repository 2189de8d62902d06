import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  DuplicateFingerprintConfigurationError,
  fingerprintKeyFromEnvironment,
  fingerprintKeySourceFromEnvironment,
} from './duplicate-fingerprint-key.config';

describe('the duplicate fingerprint key from the environment', () => {
  const repoRoot = '/srv/reprisals';

  it('given nothing configured outside production, when read, then the development key file under .data is used', () => {
    expect(fingerprintKeySourceFromEnvironment({}, repoRoot)).toEqual({
      kind: 'development-file',
      keyFile: join(repoRoot, '.data', 'intake', 'duplicate-fingerprint.key'),
    });
    expect(fingerprintKeySourceFromEnvironment({ DUPLICATE_FINGERPRINT_KEY: '  ' }, repoRoot)).toMatchObject({
      kind: 'development-file',
    });
  });

  it('given a key, when read, then fingerprints are keyed by it: the same secret the same key id, another secret another', () => {
    const secret = randomBytes(32).toString('base64');
    const key = fingerprintKeyFromEnvironment(
      { NODE_ENV: 'production', DUPLICATE_FINGERPRINT_KEY: secret },
      repoRoot,
    );

    expect(fingerprintKeyFromEnvironment({ DUPLICATE_FINGERPRINT_KEY: ` ${secret}\n` }, repoRoot).id).toBe(
      key.id,
    );
    expect(
      fingerprintKeyFromEnvironment(
        { DUPLICATE_FINGERPRINT_KEY: randomBytes(48).toString('base64') },
        repoRoot,
      ).id,
    ).not.toBe(key.id);
  });

  it('given production without a key, when read, then it is refused naming DUPLICATE_FINGERPRINT_KEY', () => {
    const read = () => fingerprintKeySourceFromEnvironment({ NODE_ENV: 'production' }, repoRoot);

    expect(read).toThrow(DuplicateFingerprintConfigurationError);
    expect(read).toThrow(
      'Duplicate fingerprint configuration is not valid: DUPLICATE_FINGERPRINT_KEY is required when NODE_ENV is production',
    );
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['not base64', 'this is not a key, it is a sentence of forty characters'],
  ])('given a key that is %s, when read, then it is refused without quoting it', (_label, value) => {
    let message = '';
    try {
      fingerprintKeySourceFromEnvironment({ DUPLICATE_FINGERPRINT_KEY: value }, repoRoot);
    } catch (error) {
      expect(error).toBeInstanceOf(DuplicateFingerprintConfigurationError);
      message = (error as Error).message;
    }
    expect(message).toContain('DUPLICATE_FINGERPRINT_KEY must be at least 32 random bytes in base64');
    expect(message).not.toContain(value);
  });
});
