import type { DataOf, EventDefinition } from '@reprisals/contracts';
import type { ProtocolStep } from '../protocol-policy/protocol-steps';
import type { ProtocolStage, VerificationCase } from '../verification-case';

/** A fact the protocol publishes: the contract it is published under and its data. */
export interface ProtocolEvent<TDef extends EventDefinition = EventDefinition> {
  definition: TDef;
  data: DataOf<TDef>;
}

export function protocolEvent<TDef extends EventDefinition>(
  definition: TDef,
  data: DataOf<TDef>,
): ProtocolEvent {
  return { definition, data };
}

/** The timers of the protocol, each for one subject (an approval, an action, the case). */
export const PROTOCOL_TIMER_KINDS = [
  'approval-overdue',
  'review-due',
  'escalation-due',
  'urgent-response-due',
] as const;
export type ProtocolTimerKind = (typeof PROTOCOL_TIMER_KINDS)[number];

export type TimerChange =
  | { change: 'schedule'; kind: ProtocolTimerKind; subject: string; dueAt: Date }
  | { change: 'cancel'; kind?: ProtocolTimerKind; subject?: string };

/** The record of one decision: which step, from which stage to which, under which rules. */
export interface ProtocolDecision {
  step: ProtocolStep | 'approve' | 'reject' | 'react';
  fromStage: ProtocolStage;
  toStage: ProtocolStage;
  policyVersion: string;
  /** The outcome, action type or reaction, as a code (never free text). */
  outcome: string | null;
  subjectId: string | null;
}

/** What a step changes: the case, what is published, the timers, and the decision it records. */
export interface ProtocolOutcome {
  case: VerificationCase;
  events: ProtocolEvent[];
  timers: TimerChange[];
  decision: ProtocolDecision | null;
}
