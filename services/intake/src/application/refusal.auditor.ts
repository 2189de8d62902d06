import { Injectable, type HttpException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import type { ActingUser } from '@reprisals/security';
import { sharingRefusal } from './case-share-refusal';

/** How a domain refusal is audited (a fixed reason code) and answered. */
export type Refusal = { reason: string; answer: HttpException };

/**
 * Runs a step; when the domain refuses it, the refusal is audited (its own transaction, since
 * the step's rolled back) and answered with the matching HTTP error. Other errors pass through.
 */
@Injectable()
export class RefusalAuditor {
  constructor(private readonly audit: AuditTrail) {}

  async guard<T>(
    user: ActingUser,
    request: IncomingMessage,
    caseId: string | undefined,
    target: string,
    step: () => Promise<T>,
    classify: (error: unknown) => Refusal | undefined = sharingRefusal,
  ): Promise<T> {
    try {
      return await step();
    } catch (error) {
      const refusal = classify(error);
      if (!refusal) throw error;
      await this.audit.recordNow({
        ...actingUserAudit(user),
        ...requestAuditContext(request),
        action: user.permission,
        ...(caseId ? { caseId } : {}),
        target,
        outcome: 'denied',
        reason: refusal.reason,
      });
      throw refusal.answer;
    }
  }
}
