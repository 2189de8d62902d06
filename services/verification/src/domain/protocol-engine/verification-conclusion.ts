import { VerificationConcluded } from '@reprisals/contracts';
import type { ProtocolActor, VerificationCase, VerificationConclusion } from '../verification-case';
import type { StepContext } from './protocol-command';
import { protocolEvent, type ProtocolEvent, type TimerChange } from './protocol-outcome';
import { closedByOutcome } from './closing';

/**
 * A conclusion takes effect: the case moves where the policy sends its outcome. A conclusion
 * reached after the cut-off of the reporting cycle in which the case was opened is late
 * verification for that cycle (the report takes it in the next one).
 */
export function verificationConcluded(
  current: VerificationCase,
  conclusion: Pick<VerificationConclusion, 'outcome' | 'concludedOn' | 'corroborationIds'>,
  proposedBy: ProtocolActor,
  approvedBy: ProtocolActor,
  context: StepContext,
): { case: VerificationCase; events: ProtocolEvent[]; timers: TimerChange[] } {
  const { policy, now } = context;
  const rule = policy.step('conclude-verification');
  const stage = (rule && policy.target(rule, conclusion.outcome)) ?? current.stage;
  const { cycle, cutOff } = policy.reportingCycleOf(current.openedAt);
  const lateForCycle =
    new Date(`${conclusion.concludedOn}T00:00:00.000Z`) > cutOff || now > cutOff ? cycle : null;
  let after: VerificationCase = {
    ...current,
    stage,
    conclusion: {
      ...conclusion,
      lateForCycle,
      proposedBy,
      approvedBy,
      approvedAt: now.toISOString(),
      policyVersion: policy.version,
    },
  };
  const events: ProtocolEvent[] = [
    protocolEvent(VerificationConcluded, { caseId: current.caseId, ...conclusion, lateForCycle, stage }),
  ];
  const timers: TimerChange[] = [];
  if (stage === 'closed') {
    const closed = closedByOutcome(after);
    after = closed.case;
    events.push(...closed.events);
    timers.push(...closed.timers);
  }
  return { case: after, events, timers };
}
