import { CaseClosed } from '@reprisals/contracts';
import type { ScopeDecision, VerificationCase } from '../verification-case';
import { cancelAction } from './action-lifecycle';
import { protocolEvent, type ProtocolEvent, type TimerChange } from './protocol-outcome';

/** Closing ends every open proposal and pending approval and cancels every timer of the case. */
export function closeCase(
  current: VerificationCase,
  reason: NonNullable<VerificationCase['closure']>['reason'],
  referral: ScopeDecision['referral'] | null,
): { case: VerificationCase; events: ProtocolEvent[]; timers: TimerChange[] } {
  let after: VerificationCase = { ...current };
  const events: ProtocolEvent[] = [];
  for (const action of current.actions.filter((a) => a.status === 'proposed')) {
    const cancelled = cancelAction(after, action, 'case-closed');
    after = cancelled.case;
    events.push(...cancelled.events);
  }
  after = {
    ...after,
    stage: 'closed',
    closure: { reason, referral: referral ?? null },
    approvals: after.approvals.map((a) =>
      a.status === 'pending' ? { ...a, status: 'cancelled' as const } : a,
    ),
    escalation: null,
  };
  events.push(
    protocolEvent(CaseClosed, { caseId: current.caseId, reason, ...(referral ? { referral } : {}) }),
  );
  return { case: after, events, timers: [{ change: 'cancel' }] };
}

/** A conclusion whose outcome leads to `closed` (rejected, falsely attributed) closes the case. */
export function closedByOutcome(current: VerificationCase) {
  return closeCase(current, 'verification-rejected', null);
}
