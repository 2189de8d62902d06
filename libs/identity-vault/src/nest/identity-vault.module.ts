import { Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { keyProviderFromEnvironment } from '../config/identity-vault.config';
import type { DataKeyCacheOptions } from '../keys/data-key.cache';
import type { KeyProvider } from '../keys/key-provider';
import { IdentityVault } from '../vault/identity-vault';

export interface IdentityVaultModuleOptions {
  /** Name of the service's TypeORM data source (its migrations include caseDataKeysMigration). */
  dataSourceName: string;
  /** Where IDENTITY_KEY_PROVIDER and IDENTITY_KEY_FILE are read; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** A key provider to use instead of the configured one (a KMS adapter, a test's). */
  keyProvider?: KeyProvider;
  cache?: DataKeyCacheOptions;
}

/**
 * The identity vault of one service, bound to its own data source and the process clock:
 * inject `IdentityVault`. The key-encryption key is loaded when the module starts, so a missing
 * or invalid key (or an unknown IDENTITY_KEY_PROVIDER) stops the process before it serves.
 *
 * ```ts
 * imports: [...serviceInfrastructure(...), IdentityVaultModule.forService({ dataSourceName: 'intake' })],
 * ```
 */
@Module({})
export class IdentityVaultModule {
  static forService(options: IdentityVaultModuleOptions): DynamicModule {
    return {
      module: IdentityVaultModule,
      providers: [
        {
          provide: IdentityVault,
          inject: [getDataSourceToken(options.dataSourceName), { token: CLOCK, optional: true }],
          useFactory: (dataSource: DataSource, clock: Clock | undefined) =>
            new IdentityVault({
              dataSource,
              keyProvider: options.keyProvider ?? keyProviderFromEnvironment(options.env ?? process.env),
              ...(clock ? { clock } : {}),
              ...(options.cache ? { cache: options.cache } : {}),
            }),
        },
      ],
      exports: [IdentityVault],
    };
  }
}
