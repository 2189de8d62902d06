import { SignJWT } from 'jose';
import { z } from 'zod';
import { EntityCodeSchema } from '../actor/entity-code';
import { RoleSchema, type Role } from '../actor/role';
import { loadSecurityConfig, SecurityConfigurationError } from './security-config';

export interface DevelopmentTokenRequest {
  /** Defaults to `dev-<first role>-<entity lowercased>`. */
  sub?: string;
  entity: string;
  roles: Role[];
  /** A duration such as 30m, 8h or 2d. Defaults to 8h. */
  ttl?: string;
}

export const DEFAULT_DEVELOPMENT_TOKEN_TTL = '8h';

export class InvalidDevelopmentTokenRequestError extends Error {
  override readonly name = 'InvalidDevelopmentTokenRequestError';
}

const DevelopmentTokenRequestSchema = z.object({
  sub: z.string().trim().min(1, { error: 'must not be empty' }).max(255, { error: 'is too long' }).optional(),
  entity: EntityCodeSchema,
  roles: z
    .array(RoleSchema, { error: 'must be a list of roles' })
    .min(1, { error: 'must contain at least one role' }),
  ttl: z
    .string()
    .regex(/^[1-9]\d*[smhd]$/, { error: 'must be a duration such as 30m, 8h or 2d' })
    .default(DEFAULT_DEVELOPMENT_TOKEN_TTL),
});

/**
 * Signs an HS256 token with the same configuration the verifier uses (JWT_SECRET or
 * the development default, JWT_ISSUER, JWT_AUDIENCE). For development and tests.
 */
export async function issueDevelopmentToken(
  request: DevelopmentTokenRequest,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const parsed = DevelopmentTokenRequestSchema.safeParse(request);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${String(issue.path[0] ?? 'request')}: ${describe(issue)}`,
    );
    throw new InvalidDevelopmentTokenRequestError(
      `Development token request is not valid: ${problems.join('; ')}`,
    );
  }
  const config = loadSecurityConfig(env);
  if (config.key.kind !== 'shared-secret') {
    throw new SecurityConfigurationError([
      'JWT_JWKS_URL: development tokens are signed with JWT_SECRET or the development default, not a key set',
    ]);
  }
  const { entity, ttl } = parsed.data;
  const roles = [...new Set(parsed.data.roles)];
  const sub = parsed.data.sub ?? `dev-${roles[0]}-${entity.toLowerCase()}`;
  return new SignJWT({ entity, roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(config.key.secret));
}

function describe(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_value' ? 'contains an unknown role' : issue.message;
}
