import {
  ApprovalOverdue,
  EscalationDue,
  ReviewDue,
  SUBSTANTIVE_REPLY_TYPES,
  type ConsentScopes,
  type EscalationTrigger,
  type StateReplyType,
} from '@reprisals/contracts';
import type { ResponseProtocolPolicy } from '../protocol-policy/response-protocol-policy';
import type { VerificationCase } from '../verification-case';
import { cancelAction } from './action-lifecycle';
import { consentAllows } from './consent-allows';
import {
  protocolEvent,
  type ProtocolEvent,
  type ProtocolOutcome,
  type ProtocolTimerKind,
  type TimerChange,
} from './protocol-outcome';

/** What the protocol does on its own: the facts come from other services or from its timers. */
export interface ReactionContext {
  policy: ResponseProtocolPolicy;
  now: Date;
}

const unchanged = (current: VerificationCase): ProtocolOutcome => ({
  case: current,
  events: [],
  timers: [],
  decision: null,
});

function reaction(
  before: VerificationCase,
  after: VerificationCase,
  events: ProtocolEvent[],
  timers: TimerChange[],
  outcome: string,
  subjectId: string | null = null,
): ProtocolOutcome {
  if (events.length === 0 && timers.length === 0) return unchanged(before);
  return {
    case: after,
    events,
    timers,
    decision: {
      step: 'react',
      fromStage: before.stage,
      toStage: after.stage,
      policyVersion: after.protocolVersion,
      outcome,
      subjectId,
    },
  };
}

/** Cancels every open action of a reach that the given test rejects. */
function cancelWhere(
  current: VerificationCase,
  reason: Parameters<typeof cancelAction>[2],
  test: (action: VerificationCase['actions'][number]) => boolean,
  outcome: string,
): ProtocolOutcome {
  let after = current;
  const events: ProtocolEvent[] = [];
  const timers: TimerChange[] = [];
  for (const action of current.actions.filter(test)) {
    const cancelled = cancelAction(after, action, reason);
    after = cancelled.case;
    events.push(...cancelled.events);
    timers.push(...cancelled.timers);
  }
  return reaction(current, after, events, timers, outcome);
}

/**
 * Consent changed. A withdrawal cancels every open State-facing or public action, even one a
 * supervisor went past missing consent for (the person has now said no). A narrower consent
 * cancels the open actions it no longer allows, unless a supervisor's override stands.
 */
export function reactToConsent(
  current: VerificationCase,
  consent: ConsentScopes,
  withdrawn: boolean,
): ProtocolOutcome {
  if (current.stage === 'closed') return unchanged(current);
  return cancelWhere(
    current,
    'consent-withdrawn',
    (action) =>
      (action.status === 'proposed' || action.status === 'decided') &&
      action.reach !== 'internal' &&
      (withdrawn ||
        (!consentAllows(consent, action.reach, action.naming) && action.consentOverride === null)),
    withdrawn ? 'consent-withdrawn' : 'consent-narrowed',
  );
}

/**
 * A protection risk was flagged: proposals that would reach the State or the public can no longer
 * be approved, so they are cancelled now and their approvals with them. Decided actions stay on
 * record; state-communication refuses to dispatch while the flag stands.
 */
export function reactToProtectionFlag(current: VerificationCase): ProtocolOutcome {
  if (current.stage === 'closed') return unchanged(current);
  return cancelWhere(
    current,
    'protection-risk',
    (action) => action.status === 'proposed' && action.reach !== 'internal',
    'protection-risk-flagged',
  );
}

/** The State replied. A substantive reply stops the escalation its silence would have caused. */
export function reactToStateReply(
  current: VerificationCase,
  reply: { responseActionId?: string; replyType: StateReplyType; receivedOn: string },
): ProtocolOutcome {
  const substantive = (SUBSTANTIVE_REPLY_TYPES as readonly string[]).includes(reply.replyType);
  const concerned = current.actions.filter(
    (action) =>
      action.reach === 'state' &&
      (action.status === 'decided' || action.status === 'completed') &&
      (reply.responseActionId ? action.id === reply.responseActionId : action.replyDueAt !== null),
  );
  if (concerned.length === 0) return unchanged(current);
  const ids = new Set(concerned.map((action) => action.id));
  // A substantive reply answers an escalation its silence caused.
  const answered =
    substantive &&
    current.escalation !== null &&
    (current.escalation.responseActionId === null || ids.has(current.escalation.responseActionId)) &&
    (current.escalation.trigger === 'no-substantive-reply-by-deadline' ||
      current.escalation.trigger === 'reply-deadline-missed');
  const after: VerificationCase = {
    ...current,
    escalation: answered ? null : current.escalation,
    actions: current.actions.map((action) =>
      ids.has(action.id)
        ? {
            ...action,
            stateReply: { type: reply.replyType, receivedOn: reply.receivedOn },
            replyDueAt: substantive ? null : action.replyDueAt,
          }
        : action,
    ),
  };
  const timers: TimerChange[] = substantive
    ? concerned.map((action) => ({ change: 'cancel', kind: 'escalation-due', subject: action.id }))
    : [];
  // Recorded even when nothing is cancelled: the action shows the State's latest reply.
  return {
    case: after,
    events: [],
    timers,
    decision: {
      step: 'react',
      fromStage: current.stage,
      toStage: after.stage,
      policyVersion: after.protocolVersion,
      outcome: `reply:${reply.replyType}`,
      subjectId: reply.responseActionId ?? null,
    },
  };
}

/**
 * The next level of the ladder becomes due, when the policy escalates on this trigger: the
 * first tool above the highest level decided so far (or above the action concerned).
 */
export function escalate(
  current: VerificationCase,
  trigger: EscalationTrigger,
  context: ReactionContext,
  responseActionId?: string,
): ProtocolOutcome {
  const { policy, now } = context;
  if (current.stage === 'closed' || !policy.escalatesOn(trigger)) return unchanged(current);
  const decided = current.actions.filter((a) => a.status === 'decided' || a.status === 'completed');
  const concerned = responseActionId ? decided.find((a) => a.id === responseActionId) : undefined;
  if (responseActionId && !concerned) return unchanged(current);
  const levels = (concerned ? [concerned] : decided).map((a) => a.ladderLevel ?? 0);
  const fromLevel = levels.length > 0 ? Math.max(...levels) || null : null;
  const nextActionType =
    trigger === 'urgent-response-overdue'
      ? (policy.urgentActions.find((type) => !decided.some((a) => a.type === type)) ?? null)
      : policy.nextOnLadder(fromLevel);
  // Nothing above the top of the ladder, and one escalation for one silence (the missed deadline
  // and verification's own reply timer may both report it).
  if (nextActionType === null) return unchanged(current);
  if (
    current.escalation &&
    current.escalation.responseActionId === (responseActionId ?? null) &&
    current.escalation.nextActionType === nextActionType
  )
    return unchanged(current);
  const after: VerificationCase = {
    ...current,
    escalation: {
      trigger,
      fromLevel,
      nextActionType,
      responseActionId: responseActionId ?? null,
      dueSince: now.toISOString(),
      policyVersion: current.protocolVersion,
    },
  };
  const event = protocolEvent(EscalationDue, {
    caseId: current.caseId,
    trigger,
    ...(responseActionId ? { responseActionId } : {}),
    fromLevel,
    nextActionType,
  });
  return reaction(current, after, [event], [], `escalation:${trigger}`, responseActionId ?? null);
}

/** A timer of the case fell due. A timer whose reason went away changes nothing. */
export function reactToTimer(
  current: VerificationCase,
  kind: ProtocolTimerKind,
  subject: string,
  context: ReactionContext,
): ProtocolOutcome {
  const { policy, now } = context;
  if (current.stage === 'closed') return unchanged(current);
  switch (kind) {
    case 'approval-overdue': {
      const approval = current.approvals.find(
        (a) => a.id === subject && a.status === 'pending' && !a.overdue,
      );
      if (!approval) return unchanged(current);
      const after = {
        ...current,
        approvals: current.approvals.map((a) => (a.id === subject ? { ...a, overdue: true } : a)),
      };
      const event = protocolEvent(ApprovalOverdue, {
        caseId: current.caseId,
        approvalId: subject,
        subject: approval.subject,
        requestedAt: approval.requestedAt,
        dueBy: approval.dueBy,
      });
      return reaction(current, after, [event], [], 'approval-overdue', subject);
    }
    case 'review-due': {
      const action = current.actions.find((a) => a.id === subject && a.status === 'decided');
      if (!action) return unchanged(current);
      const next = policy.reviewDue(now, current.risk);
      const reviewOn = now.toISOString().slice(0, 10);
      const after = {
        ...current,
        actions: current.actions.map((a) =>
          a.id === subject
            ? { ...a, nextReviewOn: next.toISOString().slice(0, 10), nextReviewAt: next.toISOString() }
            : a,
        ),
      };
      return reaction(
        current,
        after,
        [protocolEvent(ReviewDue, { caseId: current.caseId, responseActionId: subject, reviewOn })],
        [{ change: 'schedule', kind: 'review-due', subject, dueAt: next }],
        'review-due',
        subject,
      );
    }
    case 'escalation-due': {
      const action = current.actions.find((a) => a.id === subject);
      if (!action || action.replyDueAt === null || action.status === 'cancelled') return unchanged(current);
      return escalate(current, 'no-substantive-reply-by-deadline', context, subject);
    }
    case 'urgent-response-due':
      return current.track === 'urgent'
        ? escalate(current, 'urgent-response-overdue', context)
        : unchanged(current);
  }
}

/**
 * A new act against the same person (another case linked to this one): once the case has been
 * raised with the State, the next level of the ladder becomes due.
 */
export function reactToNewAct(current: VerificationCase, context: ReactionContext): ProtocolOutcome {
  const raised = current.actions.some(
    (action) => action.reach === 'state' && (action.status === 'decided' || action.status === 'completed'),
  );
  return raised ? escalate(current, 'new-act-against-same-person', context) : unchanged(current);
}

/** What a written reason reads once the case's personal data is erased. */
export const ERASED_REASON = '(erased with the personal data of the case)';

/**
 * The case's personal data was erased in intake. Verification holds no identity, but the written
 * reasons of consent overrides are free text that could describe the person: they are erased
 * too. Decisions, codes and dates stay, so the record of what was decided remains whole.
 */
export function reactToErasure(current: VerificationCase): ProtocolOutcome {
  const written = current.actions.filter((a) => a.consentOverrideRequested || a.consentOverride);
  if (written.length === 0) return unchanged(current);
  const after: VerificationCase = {
    ...current,
    actions: current.actions.map((action) => ({
      ...action,
      consentOverrideRequested: action.consentOverrideRequested ? { reason: ERASED_REASON } : null,
      consentOverride: action.consentOverride ? { ...action.consentOverride, reason: ERASED_REASON } : null,
    })),
  };
  return {
    case: after,
    events: [],
    timers: [],
    decision: {
      step: 'react',
      fromStage: current.stage,
      toStage: after.stage,
      policyVersion: after.protocolVersion,
      outcome: 'personal-data-erased',
      subjectId: null,
    },
  };
}

/**
 * State-communication sent the communication that carries out an action: from now on its reply
 * deadline is the one the State was given, and its silence comes back as DeadlineMissed, so
 * verification's own reply timer for the action stands down.
 */
export function reactToCommunicationSent(
  current: VerificationCase,
  sent: { responseActionId: string; replyDueOn: string },
): ProtocolOutcome {
  const action = current.actions.find((a) => a.id === sent.responseActionId && a.status === 'decided');
  if (!action || action.reach !== 'state') return unchanged(current);
  const after: VerificationCase = {
    ...current,
    actions: current.actions.map((a) =>
      a.id === action.id ? { ...a, replyDueAt: `${sent.replyDueOn}T23:59:59.999Z` } : a,
    ),
  };
  return {
    case: after,
    events: [],
    timers: [{ change: 'cancel', kind: 'escalation-due', subject: action.id }],
    decision: {
      step: 'react',
      fromStage: current.stage,
      toStage: after.stage,
      policyVersion: after.protocolVersion,
      outcome: 'communication-sent',
      subjectId: action.id,
    },
  };
}
