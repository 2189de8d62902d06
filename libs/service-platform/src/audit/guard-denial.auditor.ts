import { Injectable } from '@nestjs/common';
import { requestAuditContext } from '@reprisals/audit';
import type { AccessDenial, AccessDenialListener } from '@reprisals/security';
import { AuditTrailRegistry } from './audit-trail.registry';

/**
 * Records every refusal of the guard (403) in the audit trail of the service whose route was
 * asked for, before the answer leaves. Routes are prefixed by their service's name.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class GuardDenialAuditor implements AccessDenialListener {
  constructor(private readonly registry: AuditTrailRegistry) {}

  async denied(denial: AccessDenial): Promise<void> {
    const service = denial.route.split('/')[1] ?? '';
    const trail = this.registry.of(service);
    const [role] = denial.actor.roles;
    if (!trail || !role) return;
    await trail.recordNow({
      actor: {
        kind: 'user',
        sub: denial.actor.sub,
        entity: denial.actor.entity,
        role,
      },
      action: denial.permission ?? 'undeclared',
      ...(denial.caseId && UUID.test(denial.caseId) ? { caseId: denial.caseId } : {}),
      target: denial.route,
      ...requestAuditContext(denial.request),
      outcome: 'denied',
      reason: denial.reason,
      policyVersion: denial.policyVersion,
    });
  }
}
