import { z } from 'zod';

/**
 * Used to sign and verify tokens when no JWT_SECRET or JWT_JWKS_URL is given and
 * NODE_ENV is not 'production'. Public by construction: never a production key.
 */
export const DEVELOPMENT_JWT_SECRET = 'reprisals-development-secret-never-use-in-production';

export type TokenKeyConfig =
  { kind: 'shared-secret'; secret: string; isDevelopmentDefault: boolean } | { kind: 'jwks'; url: URL };

export interface SecurityConfig {
  issuer: string;
  audience: string;
  key: TokenKeyConfig;
}

export class SecurityConfigurationError extends Error {
  override readonly name = 'SecurityConfigurationError';

  constructor(readonly problems: readonly string[]) {
    super(`Security configuration is not valid: ${problems.join('; ')}`);
  }
}

const unsetWhenEmpty = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const SecurityEnvSchema = z
  .object({
    NODE_ENV: z.string().optional(),
    JWT_SECRET: z.preprocess(
      unsetWhenEmpty,
      z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
    ),
    JWT_JWKS_URL: z.preprocess(
      unsetWhenEmpty,
      z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    ),
    JWT_ISSUER: z.preprocess(unsetWhenEmpty, z.string().default('reprisals-dev')),
    JWT_AUDIENCE: z.preprocess(unsetWhenEmpty, z.string().default('reprisals')),
  })
  .superRefine((env, context) => {
    const production = env.NODE_ENV === 'production';
    if (env.JWT_SECRET && env.JWT_JWKS_URL) {
      context.addIssue({
        code: 'custom',
        path: ['JWT_JWKS_URL'],
        message: 'set either JWT_SECRET or JWT_JWKS_URL, not both',
      });
    }
    if (production && !env.JWT_SECRET && !env.JWT_JWKS_URL) {
      context.addIssue({
        code: 'custom',
        path: ['JWT_JWKS_URL'],
        message: 'is required (or JWT_SECRET) when NODE_ENV is production',
      });
    }
    if (production && env.JWT_JWKS_URL?.startsWith('http:')) {
      context.addIssue({
        code: 'custom',
        path: ['JWT_JWKS_URL'],
        message: 'must use https when NODE_ENV is production',
      });
    }
  });

/** Reads the token configuration from the environment; throws naming the variable at fault. */
export function loadSecurityConfig(env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  const result = SecurityEnvSchema.safeParse(env);
  if (!result.success) {
    throw new SecurityConfigurationError(
      result.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`),
    );
  }
  const { JWT_SECRET, JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE } = result.data;
  const key: TokenKeyConfig = JWT_JWKS_URL
    ? { kind: 'jwks', url: new URL(JWT_JWKS_URL) }
    : {
        kind: 'shared-secret',
        secret: JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
        isDevelopmentDefault: !JWT_SECRET,
      };
  return { issuer: JWT_ISSUER, audience: JWT_AUDIENCE, key };
}
