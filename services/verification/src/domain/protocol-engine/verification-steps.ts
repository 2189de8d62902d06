import { ApprovalRequested, CorroborationRecorded } from '@reprisals/contracts';
import type { Corroboration, VerificationCase } from '../verification-case';
import type { ProtocolCommand, StepContext } from './protocol-command';
import { protocolEvent, type ProtocolOutcome } from './protocol-outcome';
import { ProtocolRefused } from './protocol-refused';
import { allowedStep } from './step-rule';
import { stepOutcome } from './outcome-builder';
import { verificationConcluded } from './verification-conclusion';

type Command<A extends ProtocolCommand['action']> = Extract<ProtocolCommand, { action: A }>;

/** Outcomes that say the allegation holds: they must rest on at least one corroboration. */
const OUTCOMES_NEEDING_CORROBORATION = new Set(['verified', 'credible-not-verified']);

export function recordCorroboration(
  current: VerificationCase,
  command: Command<'record-corroboration'>,
  context: StepContext,
): ProtocolOutcome {
  allowedStep(current, 'record-corroboration', context);
  const corroboration: Corroboration = {
    id: context.newId(),
    kind: command.kind,
    reliability: command.reliability,
    credibility: command.credibility,
    reference: command.reference ?? null,
    recordedAt: context.now.toISOString(),
    recordedBy: actorOf(context),
    policyVersion: current.protocolVersion,
  };
  const after = { ...current, corroborations: [...current.corroborations, corroboration] };
  return stepOutcome(current, after, 'record-corroboration', {
    events: [
      protocolEvent(CorroborationRecorded, {
        caseId: current.caseId,
        corroborationId: corroboration.id,
        kind: corroboration.kind,
        reliability: corroboration.reliability,
        credibility: corroboration.credibility,
      }),
    ],
    outcome: command.kind,
    subjectId: corroboration.id,
  });
}

/**
 * Proposes the conclusion of verification. Under a four-eyes gate it waits for a supervisor
 * (the approval takes effect through decideApproval); without one it takes effect now.
 */
export function proposeConclusion(
  current: VerificationCase,
  command: Command<'conclude-verification'>,
  context: StepContext,
): ProtocolOutcome {
  const { rule } = allowedStep(current, 'conclude-verification', context);
  // Every problem of the request at once, each naming its field.
  const known = new Set(current.corroborations.map((c) => c.id));
  const unknown = command.corroborationIds.filter((id) => !known.has(id));
  const problems = [
    unknown.length > 0 ? `corroborationIds: the case has no corroboration ${unknown.join(', ')}` : null,
    OUTCOMES_NEEDING_CORROBORATION.has(command.outcome) && command.corroborationIds.length === 0
      ? `corroborationIds: a ${command.outcome} conclusion rests on at least one corroboration`
      : null,
    command.concludedOn > context.now.toISOString().slice(0, 10)
      ? 'concludedOn: must not be in the future'
      : null,
  ].filter((problem): problem is string => problem !== null);
  if (problems.length > 0)
    throw new ProtocolRefused(
      'input',
      problems.join('; '),
      'corroborations recorded on this case (record-corroboration first), concluded today or earlier',
      422,
    );
  if (current.approvals.some((a) => a.subject === 'verification-conclusion' && a.status === 'pending'))
    throw new ProtocolRefused(
      'four-eyes',
      'a conclusion of this case already waits for approval',
      'a supervisor approves or rejects it first',
    );
  const conclusion = {
    outcome: command.outcome,
    concludedOn: command.concludedOn,
    corroborationIds: command.corroborationIds,
  };
  const fourEyes = context.policy.gatesFor(rule).find((gate) => gate.gate === 'four-eyes');
  if (!fourEyes) {
    const concluded = verificationConcluded(current, conclusion, actorOf(context), actorOf(context), context);
    return stepOutcome(current, concluded.case, 'conclude-verification', {
      ...concluded,
      outcome: command.outcome,
    });
  }
  const approvalId = context.newId();
  const dueBy = context.policy.approvalDue(context.now, current.risk);
  const after: VerificationCase = {
    ...current,
    approvals: [
      ...current.approvals,
      {
        id: approvalId,
        subject: 'verification-conclusion',
        responseActionId: null,
        conclusion,
        proposedBy: actorOf(context),
        requestedAt: context.now.toISOString(),
        dueBy: dueBy.toISOString(),
        status: 'pending',
        decidedBy: null,
        decidedAt: null,
        overdue: false,
        policyVersion: current.protocolVersion,
      },
    ],
  };
  return stepOutcome(current, after, 'conclude-verification', {
    events: [
      protocolEvent(ApprovalRequested, {
        caseId: current.caseId,
        approvalId,
        subject: 'verification-conclusion',
        dueBy: dueBy.toISOString(),
      }),
    ],
    timers: [{ change: 'schedule', kind: 'approval-overdue', subject: approvalId, dueAt: dueBy }],
    outcome: `proposed:${command.outcome}`,
    subjectId: approvalId,
  });
}

export function actorOf(context: StepContext) {
  const { sub, entity, role } = context.caller;
  return { sub, entity, role };
}
