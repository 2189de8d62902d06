import { z } from 'zod';
import { EntityCodeSchema } from './entity-code';
import { ROLES, RoleSchema, type Role } from './role';

/** The authenticated person behind a request: who, for which UN entity, in which roles. */
export interface Actor {
  sub: string;
  entity: string;
  roles: Role[];
}

/**
 * The claims a token must carry to describe an actor. Other claims (iss, aud, exp...)
 * are checked by the verifier and ignored here. Duplicate roles are collapsed.
 */
export const ActorClaimsSchema = z.object({
  sub: z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(255, { error: 'is too long' }),
  entity: EntityCodeSchema,
  roles: z
    .array(RoleSchema, { error: 'must be an array of roles' })
    .min(1, { error: 'must contain at least one role' })
    .max(ROLES.length * 2, { error: 'has too many entries' })
    .transform((roles): Role[] => [...new Set(roles)]),
});

export type ActorClaims = z.infer<typeof ActorClaimsSchema>;
