import type { NewEventContext } from '@reprisals/contracts';
import type { ActingUser } from '@reprisals/security';

/** The metadata of an event a user's command causes: the case, who acted, when, under which policy. */
export function userEventContext(
  caseId: string,
  user: Pick<ActingUser, 'sub' | 'entity' | 'role' | 'policyVersion'>,
  now: Date,
): NewEventContext {
  return {
    caseId,
    actor: { kind: 'user', sub: user.sub, entity: user.entity, role: user.role },
    occurredAt: now,
    policyVersion: user.policyVersion,
  };
}
