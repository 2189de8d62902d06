import { join } from 'node:path';
import type { Provider } from '@nestjs/common';
import { z } from 'zod';
import { createKeyFileIfMissing, readKeyFile } from '@reprisals/identity-vault';
import { findRepoRoot } from '@reprisals/persistence';
import { FingerprintKey } from '../../domain/identifier-fingerprint';

/** Outside production, without DUPLICATE_FINGERPRINT_KEY: this file under the workspace root, created when absent. */
export const DEVELOPMENT_FINGERPRINT_KEY_FILE = join('.data', 'intake', 'duplicate-fingerprint.key');

/** Injection token of the FingerprintKey intake hashes identifiers with. */
export const DUPLICATE_FINGERPRINT_KEY = Symbol('DuplicateFingerprintKey');

/** A configuration intake cannot fingerprint with; the message names the variable, never the key. */
export class DuplicateFingerprintConfigurationError extends Error {
  override readonly name = 'DuplicateFingerprintConfigurationError';
}

export type DuplicateFingerprintKeySource =
  { kind: 'environment'; secret: Buffer } | { kind: 'development-file'; keyFile: string };

const MIN_KEY_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const unsetWhenEmpty = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const FingerprintEnvSchema = z
  .object({
    NODE_ENV: z.string().optional(),
    DUPLICATE_FINGERPRINT_KEY: z.preprocess(
      unsetWhenEmpty,
      z
        .string()
        .trim()
        .refine(
          (value) => BASE64.test(value) && Buffer.from(value, 'base64').length >= MIN_KEY_BYTES,
          `must be at least ${MIN_KEY_BYTES} random bytes in base64 (openssl rand -base64 ${MIN_KEY_BYTES})`,
        )
        .optional(),
    ),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && !env.DUPLICATE_FINGERPRINT_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['DUPLICATE_FINGERPRINT_KEY'],
        message: `is required when NODE_ENV is production (at least ${MIN_KEY_BYTES} random bytes in base64)`,
      });
    }
  });

/**
 * Where the key of the duplicate fingerprints comes from: DUPLICATE_FINGERPRINT_KEY (base64, at
 * least 32 bytes), required in production; outside production, without it, the development key
 * file `.data/intake/duplicate-fingerprint.key` (created when absent, mode 600), as the identity
 * vault does for its key. Throws naming the variable at fault, never quoting its value.
 */
export function fingerprintKeySourceFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  repoRoot: string = findRepoRoot(),
): DuplicateFingerprintKeySource {
  const result = FingerprintEnvSchema.safeParse(env);
  if (!result.success) {
    throw new DuplicateFingerprintConfigurationError(
      `Duplicate fingerprint configuration is not valid: ${result.error.issues
        .map((issue) => `${issue.path.map(String).join('.')} ${issue.message}`)
        .join('; ')}`,
    );
  }
  const secret = result.data.DUPLICATE_FINGERPRINT_KEY;
  return secret
    ? { kind: 'environment', secret: Buffer.from(secret, 'base64') }
    : { kind: 'development-file', keyFile: join(repoRoot, DEVELOPMENT_FINGERPRINT_KEY_FILE) };
}

/** The key the configuration names, ready to hash: run at start so that a bad configuration stops the process. */
export function fingerprintKeyFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  repoRoot: string = findRepoRoot(),
): FingerprintKey {
  const source = fingerprintKeySourceFromEnvironment(env, repoRoot);
  if (source.kind === 'environment') return new FingerprintKey(source.secret);
  try {
    createKeyFileIfMissing(source.keyFile);
    return new FingerprintKey(readKeyFile(source.keyFile));
  } catch (error) {
    throw new DuplicateFingerprintConfigurationError(
      `The development duplicate fingerprint key: ${(error as Error).message}`,
    );
  }
}

/** The FingerprintKey of this process, read once when the module starts. */
export function duplicateFingerprintKeyProvider(env?: NodeJS.ProcessEnv): Provider {
  return {
    provide: DUPLICATE_FINGERPRINT_KEY,
    useFactory: () => fingerprintKeyFromEnvironment(env ?? process.env),
  };
}
