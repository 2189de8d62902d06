import type { VerificationCase } from '../verification-case';
import type { ProtocolDecision, ProtocolEvent, ProtocolOutcome, TimerChange } from './protocol-outcome';

/** The outcome of a step, its decision recorded under the version the case runs under after it. */
export function stepOutcome(
  before: VerificationCase,
  after: VerificationCase,
  step: ProtocolDecision['step'],
  parts: {
    events: ProtocolEvent[];
    timers?: TimerChange[];
    outcome?: string | null;
    subjectId?: string | null;
    /** The version whose rules allowed the step, when it is not the one the case runs under after it. */
    policyVersion?: string;
  },
): ProtocolOutcome {
  return {
    case: after,
    events: parts.events,
    timers: parts.timers ?? [],
    decision: {
      step,
      fromStage: before.stage,
      toStage: after.stage,
      policyVersion: parts.policyVersion ?? after.protocolVersion,
      outcome: parts.outcome ?? null,
      subjectId: parts.subjectId ?? null,
    },
  };
}
