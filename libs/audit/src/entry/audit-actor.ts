import type { ActingUser } from '@reprisals/security';
import type { AuditEntry } from './audit-entry';

/**
 * The actor and policy version of an audit entry for a person acting through a route:
 * `trail.record(manager, { ...actingUserAudit(user), action: 'allegation:create', ... })`.
 */
export function actingUserAudit(
  user: Pick<ActingUser, 'sub' | 'entity' | 'role' | 'policyVersion'>,
): Pick<AuditEntry, 'actor' | 'policyVersion'> {
  return {
    actor: { kind: 'user', sub: user.sub, entity: user.entity, role: user.role },
    policyVersion: user.policyVersion,
  };
}
