import { ApprovalRejected, ResponseActionApproved } from '@reprisals/contracts';
import type { Approval, VerificationCase } from '../verification-case';
import { decideAction } from './action-lifecycle';
import { passDisclosureGates } from './disclosure-gates';
import type { ApprovalCommand, StepContext } from './protocol-command';
import {
  protocolEvent,
  type ProtocolEvent,
  type ProtocolOutcome,
  type TimerChange,
} from './protocol-outcome';
import { ProtocolRefused } from './protocol-refused';
import { stepOutcome } from './outcome-builder';
import { stageOf } from './step-rule';
import { verificationConcluded } from './verification-conclusion';
import { actorOf } from './verification-steps';

/**
 * A supervisor answers an approval request (four eyes). The approver is a person of the lead
 * entity holding the approver permission the policy names, and never the proposer. Approving
 * runs the action's protection and consent gates again: what was true at the proposal may not be
 * now. A supervisor holding the consent gate's override goes past missing consent only when the
 * officer asked for it and the supervisor writes their own reason.
 */
export function decideApproval(
  current: VerificationCase,
  approvalId: string,
  command: ApprovalCommand,
  context: StepContext,
): ProtocolOutcome {
  const approval = current.approvals.find((a) => a.id === approvalId);
  if (!approval)
    throw new ProtocolRefused(
      'reference',
      `the case has no approval ${approvalId}`,
      'a pending approval',
      422,
    );
  if (approval.status !== 'pending')
    throw new ProtocolRefused('stage', `the approval is ${approval.status}`, 'a pending approval');
  const step = approval.subject === 'verification-conclusion' ? 'conclude-verification' : 'propose-action';
  const rule = context.policy.step(step);
  const fourEyes = rule?.gates.find((gate) => gate.gate === 'four-eyes');
  const { caller } = context;
  if (caller.entity !== current.leadEntity)
    throw new ProtocolRefused(
      'lead-entity',
      'only the lead entity approves',
      `a supervisor of ${current.leadEntity}`,
      403,
    );
  if (!fourEyes?.approver || !caller.permissions.includes(fourEyes.approver))
    throw new ProtocolRefused(
      'performer',
      `approvals of ${step} are given with ${fourEyes?.approver ?? 'a four-eyes gate'}`,
      `a supervisor whose role grants ${fourEyes?.approver ?? 'the approver permission'}`,
      403,
    );
  if (caller.sub === approval.proposedBy.sub)
    throw new ProtocolRefused(
      'four-eyes',
      'the proposer cannot approve their own proposal',
      'another supervisor of the lead entity',
    );
  const decided: Approval = {
    ...approval,
    status: command.decision === 'approve' ? 'approved' : 'rejected',
    decidedBy: actorOf(context),
    decidedAt: context.now.toISOString(),
  };
  const withDecision: VerificationCase = {
    ...current,
    approvals: current.approvals.map((a) => (a.id === approvalId ? decided : a)),
  };
  const timers: TimerChange[] = [{ change: 'cancel', kind: 'approval-overdue', subject: approvalId }];
  if (command.decision === 'reject') return rejected(current, withDecision, approval, timers);
  if (approval.conclusion) {
    if (current.stage !== 'verification')
      throw new ProtocolRefused('stage', `the case is in ${current.stage}`, 'a case in verification');
    const concluded = verificationConcluded(
      withDecision,
      approval.conclusion,
      approval.proposedBy,
      decided.decidedBy!,
      context,
    );
    return stepOutcome(current, concluded.case, 'approve', {
      events: concluded.events,
      timers: [...timers, ...concluded.timers],
      outcome: approval.conclusion.outcome,
      subjectId: approvalId,
    });
  }
  const action = current.actions.find((a) => a.id === approval.responseActionId);
  if (!action || action.status !== 'proposed')
    throw new ProtocolRefused('stage', 'the action is no longer proposed', 'a proposed action');
  // The case may have moved since the proposal (a new risk assessment can leave the urgent track).
  const urgentOnly = stageOf(current, rule!);
  if (urgentOnly === undefined || (urgentOnly && !context.policy.urgentActions.includes(action.type)))
    throw new ProtocolRefused(
      'stage',
      `${action.type} is not decided in the stage ${current.stage} on the ${current.track} track`,
      'a new proposal once the case is where the protocol allows it',
    );
  const gates = context.policy.gatesFor(rule!, action.reach);
  const { consentOverridden } = passDisclosureGates(gates, action, context, {
    requested: action.consentOverrideRequested !== null && command.consentOverride !== undefined,
    decidedBySupervisor: true,
  });
  const overridden = {
    ...action,
    consentOverride:
      consentOverridden && command.consentOverride
        ? { by: actorOf(context), reason: command.consentOverride.reason, at: context.now.toISOString() }
        : null,
  };
  const withAction = {
    ...withDecision,
    actions: withDecision.actions.map((a) => (a.id === action.id ? overridden : a)),
  };
  const effect = decideAction(withAction, overridden, context.policy, context.now);
  return stepOutcome(current, effect.case, 'approve', {
    events: [
      protocolEvent(ResponseActionApproved, {
        caseId: current.caseId,
        responseActionId: action.id,
        approvalId,
      }),
      ...effect.events,
    ],
    timers: [...timers, ...effect.timers],
    outcome: consentOverridden ? `${action.type}:consent-overridden` : action.type,
    subjectId: approvalId,
  });
}

function rejected(
  before: VerificationCase,
  after: VerificationCase,
  approval: Approval,
  timers: TimerChange[],
): ProtocolOutcome {
  const events: ProtocolEvent[] = [
    protocolEvent(ApprovalRejected, {
      caseId: before.caseId,
      approvalId: approval.id,
      subject: approval.subject,
      ...(approval.responseActionId ? { responseActionId: approval.responseActionId } : {}),
    }),
  ];
  const actions = after.actions.map((a) =>
    a.id === approval.responseActionId ? { ...a, status: 'rejected' as const } : a,
  );
  return stepOutcome(before, { ...after, actions }, 'reject', {
    events,
    timers,
    outcome: approval.subject,
    subjectId: approval.id,
  });
}
