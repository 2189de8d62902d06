import { join, resolve } from 'node:path';
import { z } from 'zod';
import { findRepoRoot } from '@reprisals/persistence';
import { IdentityVaultConfigurationError } from '../errors/identity-vault.errors';
import { createKeyFileIfMissing, readKeyFile } from '../keys/key-file';
import type { KeyProvider } from '../keys/key-provider';
import { LocalKeyFileProvider } from '../keys/local-key-file.provider';

/** Key providers this build has. A KMS adapter adds its name here and its branch in keyProviderFromEnvironment. */
export const KEY_PROVIDERS = ['local-file'] as const;
export type KeyProviderName = (typeof KEY_PROVIDERS)[number];

/** Outside production, without IDENTITY_KEY_FILE: this file under the workspace root, created when absent. */
export const DEVELOPMENT_KEY_FILE = join('.data', 'identity-vault', 'kek.key');

export interface IdentityVaultConfig {
  keyProvider: KeyProviderName;
  /** Absolute path of the key file (local-file). */
  keyFile: string;
  /** True only for the development key file: created with a new key when absent. */
  createKeyFile: boolean;
}

const unsetWhenEmpty = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const IdentityVaultEnvSchema = z
  .object({
    NODE_ENV: z.string().optional(),
    IDENTITY_KEY_PROVIDER: z.preprocess(
      unsetWhenEmpty,
      z
        .enum(KEY_PROVIDERS, {
          error: `must be ${KEY_PROVIDERS.join(' or ')}, the only key provider built in (a KMS adapter implements KeyProvider, see libs/identity-vault)`,
        })
        .default('local-file'),
    ),
    IDENTITY_KEY_FILE: z.preprocess(unsetWhenEmpty, z.string().trim().optional()),
  })
  .superRefine((env, context) => {
    if (
      env.NODE_ENV === 'production' &&
      env.IDENTITY_KEY_PROVIDER === 'local-file' &&
      !env.IDENTITY_KEY_FILE
    ) {
      context.addIssue({
        code: 'custom',
        path: ['IDENTITY_KEY_FILE'],
        message:
          'is required when NODE_ENV is production (a file holding 32 random bytes in base64, mode 600)',
      });
    }
  });

/**
 * Which key-encryption key protects the case data keys: IDENTITY_KEY_PROVIDER (`local-file`, the
 * default and only one built in) and IDENTITY_KEY_FILE. Outside production, without a file, the
 * development key file `.data/identity-vault/kek.key` (created when absent); in production the
 * file is required and never created. Throws naming the variable at fault.
 */
export function identityVaultConfigFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  repoRoot: string = findRepoRoot(),
): IdentityVaultConfig {
  const result = IdentityVaultEnvSchema.safeParse(env);
  if (!result.success) {
    throw new IdentityVaultConfigurationError(
      `Identity vault configuration is not valid: ${result.error.issues
        .map((issue) => `${issue.path.map(String).join('.')} ${issue.message}`)
        .join('; ')}`,
    );
  }
  const { IDENTITY_KEY_PROVIDER, IDENTITY_KEY_FILE } = result.data;
  return IDENTITY_KEY_FILE
    ? { keyProvider: IDENTITY_KEY_PROVIDER, keyFile: resolve(IDENTITY_KEY_FILE), createKeyFile: false }
    : {
        keyProvider: IDENTITY_KEY_PROVIDER,
        keyFile: join(repoRoot, DEVELOPMENT_KEY_FILE),
        createKeyFile: true,
      };
}

/**
 * The key provider the configuration names, ready to wrap and unwrap: for `local-file`, the key
 * file read (and, for the development file only, created first). Run at start so that a bad
 * configuration stops the process before it serves anything.
 */
export function keyProviderFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  repoRoot: string = findRepoRoot(),
): KeyProvider {
  const config = identityVaultConfigFromEnvironment(env, repoRoot);
  switch (config.keyProvider) {
    case 'local-file':
      return localKeyFileProvider(config);
  }
}

function localKeyFileProvider(config: IdentityVaultConfig): LocalKeyFileProvider {
  try {
    if (config.createKeyFile) createKeyFileIfMissing(config.keyFile);
    return new LocalKeyFileProvider(readKeyFile(config.keyFile));
  } catch (error) {
    throw new IdentityVaultConfigurationError(`IDENTITY_KEY_FILE: ${(error as Error).message}`);
  }
}
