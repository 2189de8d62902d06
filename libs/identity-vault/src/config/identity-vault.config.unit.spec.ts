import { join, resolve } from 'node:path';
import { IdentityVaultConfigurationError } from '../errors/identity-vault.errors';
import { identityVaultConfigFromEnvironment, keyProviderFromEnvironment } from './identity-vault.config';

describe('identity vault configuration from the environment', () => {
  const repoRoot = '/srv/reprisals';

  it('given nothing configured outside production, when read, then the local development key file under .data is used and may be created', () => {
    expect(identityVaultConfigFromEnvironment({}, repoRoot)).toEqual({
      keyProvider: 'local-file',
      keyFile: join(repoRoot, '.data', 'identity-vault', 'kek.key'),
      createKeyFile: true,
    });
    expect(
      identityVaultConfigFromEnvironment({ IDENTITY_KEY_PROVIDER: ' ', IDENTITY_KEY_FILE: '' }, repoRoot),
    ).toMatchObject({ keyProvider: 'local-file', createKeyFile: true });
  });

  it('given a key file, when read, then that file is used and never created', () => {
    expect(
      identityVaultConfigFromEnvironment(
        { NODE_ENV: 'production', IDENTITY_KEY_PROVIDER: 'local-file', IDENTITY_KEY_FILE: 'secrets/kek.key' },
        repoRoot,
      ),
    ).toEqual({ keyProvider: 'local-file', keyFile: resolve('secrets/kek.key'), createKeyFile: false });
  });

  it('given production without a key file, when read, then it is refused naming IDENTITY_KEY_FILE', () => {
    expect(() => identityVaultConfigFromEnvironment({ NODE_ENV: 'production' }, repoRoot)).toThrow(
      'Identity vault configuration is not valid: IDENTITY_KEY_FILE is required when NODE_ENV is production',
    );
  });

  it('given a key provider this build does not have, when read, then it is refused at start naming IDENTITY_KEY_PROVIDER', () => {
    for (const provider of ['aws-kms', 'LOCAL-FILE', 'vault']) {
      const read = () => keyProviderFromEnvironment({ IDENTITY_KEY_PROVIDER: provider }, repoRoot);

      expect(read).toThrow(IdentityVaultConfigurationError);
      expect(read).toThrow(
        'Identity vault configuration is not valid: IDENTITY_KEY_PROVIDER must be local-file, the only key provider built in (a KMS adapter implements KeyProvider, see libs/identity-vault)',
      );
    }
  });
});
