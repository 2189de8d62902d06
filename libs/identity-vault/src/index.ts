/**
 * @reprisals/identity-vault: identities of victims and sources, unreadable at rest and erasable
 * by crypto-shredding.
 *
 * Envelope encryption: each case has its own AES-256 data key, stored in the service's
 * `case_data_key` table wrapped by a key-encryption key (KEK) that never reaches the database
 * (a key file today; a KMS through the KeyProvider interface). Destroying a case's data key makes
 * everything sealed for that case unreadable, wherever copies of the sealed values went.
 *
 * ```ts
 * // data source
 * migrations: [...SERVICE_MIGRATIONS, caseDataKeysMigration(1767225707000)],
 * // a Nest service
 * imports: [IdentityVaultModule.forService({ dataSourceName: 'intake' })],
 * // plain code
 * const vault = new IdentityVault({ dataSource, keyProvider: keyProviderFromEnvironment() });
 *
 * await inTransaction(dataSource, async (manager) => {
 *   const sealed = await vault.sealJson(manager, caseId, 'victim', { name, contact });
 *   ...
 * });
 * const victim = VictimSchema.parse(await vault.openJson(manager, caseId, 'victim', sealed));
 * const sealing = await vault.createSealingStream(manager, caseId, `attachment/${attachmentId}`);
 * await pipeline(upload, sealing, createWriteStream(path));
 * await vault.destroyKey(manager, caseId); // crypto-shredding; open() now throws CaseKeyDestroyed
 * ```
 */
export { IdentityVault, type IdentityVaultOptions } from './vault/identity-vault';
export { IdentityVaultModule, type IdentityVaultModuleOptions } from './nest/identity-vault.module';
export { KEY_BYTES, type KeyProvider } from './keys/key-provider';
export { LocalKeyFileProvider } from './keys/local-key-file.provider';
export { createKeyFileIfMissing, readKeyFile } from './keys/key-file';
export { DEFAULT_DATA_KEY_CACHE, type DataKeyCacheOptions } from './keys/data-key.cache';
export {
  DEVELOPMENT_KEY_FILE,
  identityVaultConfigFromEnvironment,
  KEY_PROVIDERS,
  keyProviderFromEnvironment,
  type IdentityVaultConfig,
  type KeyProviderName,
} from './config/identity-vault.config';
export {
  CaseKeyDestroyed,
  DataKeyUnavailableError,
  IdentityVaultConfigurationError,
  SealedValueError,
} from './errors/identity-vault.errors';
export {
  CASE_DATA_KEY_TABLE,
  caseDataKeysMigration,
  DATA_KEYS_ARE_NEVER_DELETED,
  DESTROYED_KEYS_STAY_DESTROYED,
} from './migrations/case-data-keys.migration';
export { SEALED_VALUE_VERSION } from './sealing/sealed-value';
export { SEALED_STREAM_OVERHEAD } from './sealing/sealing-streams';
