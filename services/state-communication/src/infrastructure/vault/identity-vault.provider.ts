import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IdentityVault, keyProviderFromEnvironment } from '@reprisals/identity-vault';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { STATE_COMMUNICATION_DATA_SOURCE } from '../persistence/state-communication-data-source';

/**
 * State-communication's identity vault: data keys in its own schema's `case_data_key` table,
 * wrapped by the key-encryption key IDENTITY_KEY_PROVIDER and IDENTITY_KEY_FILE name, as for
 * intake. The key is loaded when the service starts: a missing or invalid key stops the process.
 */
export function identityVaultProvider(env: NodeJS.ProcessEnv = process.env): Provider {
  return {
    provide: IdentityVault,
    inject: [getDataSourceToken(STATE_COMMUNICATION_DATA_SOURCE), CLOCK],
    useFactory: (dataSource: DataSource, clock: Clock) =>
      new IdentityVault({ dataSource, keyProvider: keyProviderFromEnvironment(env), clock }),
  };
}
