import { z } from 'zod';
import { isUnState } from '@reprisals/un-states';
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
export const ActorClaimsSchema = z
  .object({
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
  })
  .superRefine((claims, context) => {
    // A Permanent Mission speaks for its State and for nothing else; UN staff never for a State.
    if (claims.roles.includes('state-mission')) {
      if (claims.roles.length > 1)
        context.addIssue({ code: 'custom', path: ['roles'], message: 'state-mission is held alone' });
      if (!isUnState(claims.entity))
        context.addIssue({
          code: 'custom',
          path: ['entity'],
          message: "must be the State's ISO 3166-1 alpha-3 code for a Permanent Mission",
        });
    } else if (isUnState(claims.entity))
      context.addIssue({
        code: 'custom',
        path: ['entity'],
        message: 'names a State: only a Permanent Mission (state-mission) speaks for a State',
      });
  });

export type ActorClaims = z.infer<typeof ActorClaimsSchema>;
