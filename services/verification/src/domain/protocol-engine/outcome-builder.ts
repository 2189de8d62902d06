import type { ProtocolStep } from '../protocol-policy/protocol-steps';
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
      policyVersion: after.protocolVersion,
      outcome: parts.outcome ?? null,
      subjectId: parts.subjectId ?? null,
    },
  };
}

export type StepName = ProtocolStep;
