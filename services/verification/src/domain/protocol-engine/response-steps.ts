import { ApprovalRequested, ResponseActionCompleted, ResponseActionProposed } from '@reprisals/contracts';
import type { ResponseAction, VerificationCase } from '../verification-case';
import { cancelAction, decideAction } from './action-lifecycle';
import { passDisclosureGates } from './disclosure-gates';
import type { ProtocolCommand, StepContext } from './protocol-command';
import {
  protocolEvent,
  type ProtocolEvent,
  type ProtocolOutcome,
  type TimerChange,
} from './protocol-outcome';
import { ProtocolRefused } from './protocol-refused';
import { allowedStep } from './step-rule';
import { stepOutcome } from './outcome-builder';
import { actorOf } from './verification-steps';

type Command<A extends ProtocolCommand['action']> = Extract<ProtocolCommand, { action: A }>;

/**
 * Proposes a response action from the toolkit. The gates the policy lists for its reach run
 * first (protection, consent); under a four-eyes gate it waits for a supervisor, otherwise it is
 * decided at once. On the urgent track, only the urgent actions may be taken before verification ends.
 */
export function proposeAction(
  current: VerificationCase,
  command: Command<'propose-action'>,
  context: StepContext,
): ProtocolOutcome {
  const { rule, onUrgentTrackOnly } = allowedStep(current, 'propose-action', context);
  const { policy, now } = context;
  const reach = policy.reachOf(command.actionType);
  if (!reach)
    throw new ProtocolRefused(
      'reference',
      `actionType: the toolkit of ${policy.version} has no ${command.actionType}`,
      'a tool GET /verification/policies/{version} lists',
      422,
    );
  if (onUrgentTrackOnly && !policy.urgentActions.includes(command.actionType))
    throw new ProtocolRefused(
      'stage',
      `before verification ends, the urgent track takes only ${policy.urgentActions.join(', ')}`,
      'conclude verification first',
    );
  const naming = reach === 'internal' ? null : (command.naming ?? 'anonymous');
  const gates = policy.gatesFor(rule, reach);
  const { awaitingOverride } = passDisclosureGates(gates, { reach, naming }, context, {
    requested: command.consentOverride !== undefined,
    decidedBySupervisor: false,
  });
  const needsApproval = gates.some((gate) => gate.gate === 'four-eyes');
  // An override is a supervisor's: without a four-eyes gate nobody would ever decide it.
  if (awaitingOverride && !needsApproval)
    throw new ProtocolRefused(
      'consent',
      'current consent does not allow this action, and no supervisor approves it under this version',
      'consent recorded in intake',
    );
  const approvalId = needsApproval ? context.newId() : null;
  const action: ResponseAction = {
    id: context.newId(),
    type: command.actionType,
    reach,
    naming,
    priority: command.priority,
    ownerEntity: command.ownerEntity ?? current.leadEntity,
    ladderLevel: policy.ladderLevelOf(command.actionType),
    status: 'proposed',
    proposedBy: actorOf(context),
    proposedAt: now.toISOString(),
    consentOverrideRequested: command.consentOverride ?? null,
    consentOverride: null,
    approvalId,
    decidedAt: null,
    nextReviewOn: null,
    replyDueAt: null,
    stateReply: null,
    impact: null,
    cancelledBecause: null,
    policyVersion: policy.version,
  };
  const proposed = protocolEvent(ResponseActionProposed, {
    caseId: current.caseId,
    responseActionId: action.id,
    actionType: action.type,
    reach,
    ...(naming ? { naming } : {}),
    priority: action.priority,
    ownerEntity: action.ownerEntity,
    ladderLevel: action.ladderLevel,
    consentOverridden: false,
    needsApproval,
  });
  const withAction: VerificationCase = { ...current, actions: [...current.actions, action] };
  if (!approvalId) {
    const decided = decideAction(withAction, action, policy, now);
    return stepOutcome(current, decided.case, 'propose-action', {
      events: [proposed, ...decided.events],
      timers: decided.timers,
      outcome: action.type,
      subjectId: action.id,
    });
  }
  const dueBy = policy.approvalDue(now, current.risk);
  const after: VerificationCase = {
    ...withAction,
    approvals: [
      ...current.approvals,
      {
        id: approvalId,
        subject: 'response-action',
        responseActionId: action.id,
        conclusion: null,
        proposedBy: actorOf(context),
        requestedAt: now.toISOString(),
        dueBy: dueBy.toISOString(),
        status: 'pending',
        decidedBy: null,
        decidedAt: null,
        overdue: false,
        policyVersion: policy.version,
      },
    ],
  };
  const events: ProtocolEvent[] = [
    proposed,
    protocolEvent(ApprovalRequested, {
      caseId: current.caseId,
      approvalId,
      subject: 'response-action',
      responseActionId: action.id,
      dueBy: dueBy.toISOString(),
    }),
  ];
  const timers: TimerChange[] = [
    { change: 'schedule', kind: 'approval-overdue', subject: approvalId, dueAt: dueBy },
  ];
  return stepOutcome(current, after, 'propose-action', {
    events,
    timers,
    outcome: action.type,
    subjectId: action.id,
  });
}

export function withdrawAction(
  current: VerificationCase,
  command: Command<'withdraw-action'>,
  context: StepContext,
): ProtocolOutcome {
  allowedStep(current, 'withdraw-action', context);
  const action = openActionOf(current, command.responseActionId, ['proposed', 'decided']);
  const cancelled = cancelAction(current, action, 'withdrawn-by-officer');
  return stepOutcome(current, cancelled.case, 'withdraw-action', {
    ...cancelled,
    outcome: action.type,
    subjectId: action.id,
  });
}

export function completeAction(
  current: VerificationCase,
  command: Command<'complete-action'>,
  context: StepContext,
): ProtocolOutcome {
  allowedStep(current, 'complete-action', context);
  const action = openActionOf(current, command.responseActionId, ['decided']);
  const after: VerificationCase = {
    ...current,
    actions: current.actions.map((a) =>
      a.id === action.id
        ? { ...a, status: 'completed' as const, impact: command.impact, nextReviewOn: null }
        : a,
    ),
  };
  return stepOutcome(current, after, 'complete-action', {
    events: [
      protocolEvent(ResponseActionCompleted, {
        caseId: current.caseId,
        responseActionId: action.id,
        impact: command.impact,
      }),
    ],
    // The review ends with the action; the State's reply is still awaited (escalation stays).
    timers: [{ change: 'cancel', kind: 'review-due', subject: action.id }],
    outcome: command.impact,
    subjectId: action.id,
  });
}

function openActionOf(
  current: VerificationCase,
  id: string,
  statuses: readonly ResponseAction['status'][],
): ResponseAction {
  const action = current.actions.find((a) => a.id === id);
  if (!action)
    throw new ProtocolRefused(
      'reference',
      `responseActionId: the case has no action ${id}`,
      'an action of this case',
      422,
    );
  if (!statuses.includes(action.status))
    throw new ProtocolRefused(
      'stage',
      `the action is ${action.status}`,
      `an action that is ${statuses.join(' or ')}`,
    );
  return action;
}
