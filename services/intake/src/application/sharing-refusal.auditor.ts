import { Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import type { ActingUser } from '@reprisals/security';
import { sharingRefusal } from './case-share-refusal';

/**
 * Runs a sharing step; when the domain refuses it, the refusal is audited (its own transaction,
 * since the step's rolled back) and answered with the matching HTTP error.
 */
@Injectable()
export class SharingRefusalAuditor {
  constructor(private readonly audit: AuditTrail) {}

  async guard<T>(
    user: ActingUser,
    request: IncomingMessage,
    caseId: string,
    target: string,
    step: () => Promise<T>,
  ): Promise<T> {
    try {
      return await step();
    } catch (error) {
      const refusal = sharingRefusal(error);
      if (!refusal) throw error;
      await this.audit.recordNow({
        ...actingUserAudit(user),
        ...requestAuditContext(request),
        action: user.permission,
        caseId,
        target,
        outcome: 'denied',
        reason: refusal.reason,
      });
      throw refusal.answer;
    }
  }
}
