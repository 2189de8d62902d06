import type { HttpException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { actingUserAudit, requestAuditContext, type AuditTrail } from '@reprisals/audit';
import type { ActingUser } from '@reprisals/security';

/** How a domain refusal is audited (a fixed reason code) and answered. */
export type Refusal = { reason: string; answer: HttpException };

/**
 * Runs a person's step; when the domain refuses it (`classify` recognises the error), the refusal
 * is audited as denied in a transaction of its own (the step's rolled back) and answered with its
 * HTTP error. Other errors pass through. `caseId` is read after the step, which may learn it.
 */
export async function runRefusable<T>(
  audit: AuditTrail,
  who: { user: ActingUser; request: IncomingMessage; target: string; caseId: () => string | undefined },
  step: () => Promise<T>,
  classify: (error: unknown) => Refusal | undefined,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const refusal = classify(error);
    if (!refusal) throw error;
    const caseId = who.caseId();
    await audit.recordNow({
      ...actingUserAudit(who.user),
      ...requestAuditContext(who.request),
      action: who.user.permission,
      ...(caseId ? { caseId } : {}),
      target: who.target,
      outcome: 'denied',
      reason: refusal.reason,
    });
    throw refusal.answer;
  }
}
