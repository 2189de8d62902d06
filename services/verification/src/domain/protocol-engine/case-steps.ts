import { CaseScreened, PolicyVersionAdopted, RiskAssessed } from '@reprisals/contracts';
import type { VerificationCase } from '../verification-case';
import { closeCase } from './closing';
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

type Command<A extends ProtocolCommand['action']> = Extract<ProtocolCommand, { action: A }>;

export function beginScreening(current: VerificationCase, context: StepContext): ProtocolOutcome {
  const { rule } = allowedStep(current, 'begin-screening', context);
  const after = { ...current, stage: context.policy.target(rule) ?? current.stage };
  return stepOutcome(current, after, 'begin-screening', { events: [] });
}

export function screen(
  current: VerificationCase,
  command: Command<'screen'>,
  context: StepContext,
): ProtocolOutcome {
  const { rule } = allowedStep(current, 'screen', context);
  const outcome = command.inScope ? 'in-scope' : 'out-of-scope';
  const stage = context.policy.target(rule, outcome) ?? current.stage;
  const scope = command.inScope
    ? {
        inScope: true,
        cooperationCategory: command.cooperationCategory,
        perpetratorType: command.perpetratorType,
      }
    : {
        inScope: false,
        outOfScopeReason: command.outOfScopeReason,
        referral: command.referral ?? ('none' as const),
      };
  let after: VerificationCase = { ...current, stage, scope };
  const events: ProtocolEvent[] = [protocolEvent(CaseScreened, { caseId: current.caseId, ...scope, stage })];
  const timers: TimerChange[] = [];
  if (stage === 'closed') {
    const closed = closeCase(after, 'out-of-scope', scope.referral ?? null);
    after = closed.case;
    events.push(...closed.events);
    timers.push(...closed.timers);
  }
  return stepOutcome(current, after, 'screen', { events, timers, outcome });
}

export function assessRisk(
  current: VerificationCase,
  command: Command<'assess-risk'>,
  context: StepContext,
): ProtocolOutcome {
  const { rule } = allowedStep(current, 'assess-risk', context);
  const { policy, now } = context;
  const first = current.risk === null;
  const stage = first ? (policy.target(rule, 'first-assessment') ?? current.stage) : current.stage;
  const track = policy.trackFor(command.risk, command.urgency);
  const timers: TimerChange[] = [];
  let urgentResponseDueAt = track === 'urgent' ? current.urgentResponseDueAt : null;
  const urgentDone = policy.urgentActions.every((type) =>
    current.actions.some((action) => action.type === type && action.status === 'decided'),
  );
  if (track === 'urgent' && current.track !== 'urgent' && !urgentDone) {
    const due = policy.urgentResponseDue(now);
    urgentResponseDueAt = due.toISOString();
    timers.push({ change: 'schedule', kind: 'urgent-response-due', subject: current.caseId, dueAt: due });
  } else if (track !== 'urgent' && current.track === 'urgent') {
    timers.push({ change: 'cancel', kind: 'urgent-response-due', subject: current.caseId });
  }
  const after: VerificationCase = {
    ...current,
    stage,
    risk: command.risk,
    urgency: command.urgency,
    track,
    urgentResponseDueAt,
  };
  return stepOutcome(current, after, 'assess-risk', {
    events: [
      protocolEvent(RiskAssessed, {
        caseId: current.caseId,
        risk: command.risk,
        urgency: command.urgency,
        track,
        stage,
      }),
    ],
    timers,
    outcome: `${command.risk}/${track}`,
  });
}

export function close(
  current: VerificationCase,
  command: Command<'close'>,
  context: StepContext,
): ProtocolOutcome {
  allowedStep(current, 'close', context);
  const closed = closeCase(current, command.reason, command.referral ?? null);
  return stepOutcome(current, closed.case, 'close', { ...closed, outcome: command.reason });
}

export function adoptPolicyVersion(
  current: VerificationCase,
  command: Command<'adopt-policy-version'>,
  context: StepContext,
): ProtocolOutcome {
  allowedStep(current, 'adopt-policy-version', context);
  const target = context.policies?.get(command.version);
  if (!target)
    throw new ProtocolRefused(
      'policy-version',
      `${command.version} is not published`,
      'a version GET /verification/policies lists',
      422,
    );
  if (target.version === current.protocolVersion)
    throw new ProtocolRefused(
      'policy-version',
      `the case already runs under ${target.version}`,
      'another version',
    );
  const inForce = context.policies?.inForce(context.now);
  if (target.version !== inForce?.version || target.effectiveFrom <= context.policy.effectiveFrom)
    throw new ProtocolRefused(
      'policy-version',
      `a case moves only to a later version in force, and ${target.version} is not`,
      `the version in force: ${inForce?.version ?? 'none'}`,
    );

  const after = { ...current, protocolVersion: target.version };
  // The rules of the version the case ran under allowed the move: the decision says so.
  return stepOutcome(current, after, 'adopt-policy-version', {
    policyVersion: current.protocolVersion,
    events: [
      protocolEvent(PolicyVersionAdopted, {
        caseId: current.caseId,
        fromVersion: current.protocolVersion,
        toVersion: target.version,
      }),
    ],
    outcome: target.version,
  });
}
