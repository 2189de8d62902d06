import {
  ResponseActionCancelled,
  ResponseActionDecided,
  type RESPONSE_ACTION_CANCELLATIONS,
} from '@reprisals/contracts';
import type { ResponseProtocolPolicy } from '../protocol-policy/response-protocol-policy';
import type { ResponseAction, VerificationCase } from '../verification-case';
import { protocolEvent, type ProtocolEvent, type TimerChange } from './protocol-outcome';

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * An action takes effect: its review date and, when it reaches the State, the date by which the
 * State's silence makes the next ladder level due. The first decided action moves the case on
 * (to follow-up in v1), unless the urgent track acts while verification continues.
 */
export function decideAction(
  current: VerificationCase,
  action: ResponseAction,
  policy: ResponseProtocolPolicy,
  now: Date,
): { case: VerificationCase; events: ProtocolEvent[]; timers: TimerChange[] } {
  const nextReview = policy.reviewDue(now, current.risk);
  const replyDue = action.reach === 'state' ? policy.replyDue(now, current.risk) : null;
  const decided: ResponseAction = {
    ...action,
    status: 'decided',
    decidedAt: now.toISOString(),
    nextReviewOn: day(nextReview),
    nextReviewAt: nextReview.toISOString(),
    replyDueAt: replyDue?.toISOString() ?? null,
    policyVersion: policy.version,
  };
  const rule = policy.step('propose-action');
  const onward = rule ? policy.target(rule, 'decided') : undefined;
  const stage = onward && current.stage === 'response-decision' ? onward : current.stage;
  // The escalation is answered by the tool it named, or by any tool higher on the ladder.
  const answered =
    current.escalation !== null &&
    (current.escalation.nextActionType === decided.type ||
      (decided.ladderLevel ?? 0) > (current.escalation.fromLevel ?? 0));
  const timers: TimerChange[] = [
    { change: 'schedule', kind: 'review-due', subject: action.id, dueAt: nextReview },
  ];
  if (replyDue)
    timers.push({ change: 'schedule', kind: 'escalation-due', subject: action.id, dueAt: replyDue });
  const actions = current.actions.map((a) => (a.id === action.id ? decided : a));
  // The urgent track's deadline is met once every urgent action is decided.
  const urgentMet =
    current.urgentResponseDueAt !== null &&
    policy.urgentActions.every((type) => actions.some((a) => a.type === type && a.status === 'decided'));
  if (urgentMet) timers.push({ change: 'cancel', kind: 'urgent-response-due', subject: current.caseId });
  const escalation =
    answered || (urgentMet && current.escalation?.trigger === 'urgent-response-overdue')
      ? null
      : current.escalation;
  return {
    case: {
      ...current,
      stage,
      escalation,
      actions,
      urgentResponseDueAt: urgentMet ? null : current.urgentResponseDueAt,
    },
    events: [
      protocolEvent(ResponseActionDecided, {
        caseId: current.caseId,
        responseActionId: action.id,
        actionType: action.type,
        reach: action.reach,
        ...(action.naming ? { naming: action.naming } : {}),
        priority: action.priority,
        ownerEntity: action.ownerEntity,
        stateConcerned: current.stateConcerned,
        ladderLevel: action.ladderLevel,
        track: current.track,
        consentOverridden: action.consentOverride !== null,
        nextReviewOn: day(nextReview),
        stage,
      }),
    ],
    timers,
  };
}

/** Cancels a proposed or decided action (and its pending approval and timers). */
export function cancelAction(
  current: VerificationCase,
  action: ResponseAction,
  reason: (typeof RESPONSE_ACTION_CANCELLATIONS)[number],
): { case: VerificationCase; events: ProtocolEvent[]; timers: TimerChange[] } {
  const approvals = current.approvals.map((approval) =>
    approval.responseActionId === action.id && approval.status === 'pending'
      ? { ...approval, status: 'cancelled' as const }
      : approval,
  );
  const timers: TimerChange[] = [
    { change: 'cancel', kind: 'review-due', subject: action.id },
    { change: 'cancel', kind: 'escalation-due', subject: action.id },
  ];
  if (action.approvalId)
    timers.push({ change: 'cancel', kind: 'approval-overdue', subject: action.approvalId });
  return {
    case: {
      ...current,
      // An escalation about this action has nothing left to escalate.
      escalation: current.escalation?.responseActionId === action.id ? null : current.escalation,
      approvals,
      actions: current.actions.map((a) =>
        a.id === action.id ? { ...a, status: 'cancelled' as const, cancelledBecause: reason } : a,
      ),
    },
    events: [
      protocolEvent(ResponseActionCancelled, { caseId: current.caseId, responseActionId: action.id, reason }),
    ],
    timers,
  };
}

/** Actions still open: proposed, or decided and not completed. */
export const isOpenAction = (action: ResponseAction) =>
  action.status === 'proposed' || action.status === 'decided';
