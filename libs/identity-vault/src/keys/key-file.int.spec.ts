import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyProviderFromEnvironment } from '../config/identity-vault.config';
import { IdentityVaultConfigurationError } from '../errors/identity-vault.errors';
import { createKeyFileIfMissing } from './key-file';

describe('the key file of the local key-encryption key', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'identity-vault-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const developmentFile = () => join(root, '.data', 'identity-vault', 'kek.key');

  const keyFile = (content: string, mode = 0o600): string => {
    const path = join(root, 'kek.key');
    writeFileSync(path, content, { mode });
    chmodSync(path, mode);
    return path;
  };

  it('given no key file outside production, when the provider starts, then it creates the development file, mode 600, and reuses it on the next start', () => {
    const first = keyProviderFromEnvironment({}, root);
    const second = keyProviderFromEnvironment({ NODE_ENV: 'development' }, root);

    const stats = statSync(developmentFile());
    expect(stats.mode & 0o777).toBe(0o600);
    expect(statSync(join(root, '.data', 'identity-vault')).mode & 0o777).toBe(0o700);
    expect(Buffer.from(readFileSync(developmentFile(), 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(second.keyId).toBe(first.keyId);
    expect(readdirSync(join(root, '.data', 'identity-vault'))).toEqual(['kek.key']);
  });

  it('given a key file already there, when another process tries to create it, then the first key is kept and no temporary file is left', () => {
    expect(createKeyFileIfMissing(developmentFile())).toBe(true);
    const key = readFileSync(developmentFile(), 'utf8');

    expect(createKeyFileIfMissing(developmentFile())).toBe(false);
    expect(readFileSync(developmentFile(), 'utf8')).toBe(key);
    expect(readdirSync(join(root, '.data', 'identity-vault'))).toEqual(['kek.key']);
  });

  it('given a key file made with openssl rand -base64 32, when the provider starts in production, then it wraps and unwraps with it', async () => {
    const path = keyFile(`${randomBytes(32).toString('base64')}\n`);

    const provider = keyProviderFromEnvironment({ NODE_ENV: 'production', IDENTITY_KEY_FILE: path }, root);
    const dataKey = randomBytes(32);

    expect((await provider.unwrap(await provider.wrap(dataKey, 'case'), 'case')).equals(dataKey)).toBe(true);
  });

  it('given a configured key file that does not exist, when the provider starts, then it is refused and not created, in production or not', () => {
    const path = join(root, 'missing.key');

    for (const NODE_ENV of ['production', 'development']) {
      expect(() => keyProviderFromEnvironment({ NODE_ENV, IDENTITY_KEY_FILE: path }, root)).toThrow(
        `IDENTITY_KEY_FILE: ${path} does not exist`,
      );
    }
    expect(readdirSync(root)).toEqual([]);
  });

  it('given a key file other accounts may read, when the provider starts, then it is refused', () => {
    const path = keyFile(`${randomBytes(32).toString('base64')}\n`, 0o644);

    expect(() => keyProviderFromEnvironment({ IDENTITY_KEY_FILE: path }, root)).toThrow(
      `IDENTITY_KEY_FILE: ${path} may be read by other accounts: chmod 600 it`,
    );
  });

  it('given a key file that does not hold 32 bytes in base64, when the provider starts, then the error never quotes it', () => {
    for (const content of ['correct horse battery staple', randomBytes(16).toString('base64'), '']) {
      const path = keyFile(content);
      let caught: unknown;
      try {
        keyProviderFromEnvironment({ IDENTITY_KEY_FILE: path }, root);
      } catch (error) {
        caught = error;
      }

      expect(caught).toBeInstanceOf(IdentityVaultConfigurationError);
      expect((caught as Error).message).toBe(
        `IDENTITY_KEY_FILE: ${path} must hold 32 random bytes in base64 (openssl rand -base64 32)`,
      );
      rmSync(path);
    }
  });
});
