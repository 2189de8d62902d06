import type { TimerView } from '@reprisals/durable-timers';
import type { VerificationCase } from '../domain/verification-case';
import { attentionDueAt } from '../domain/attention-due';

/** A timer of the case as readers see it. */
export interface CaseTimerView {
  kind: string;
  subject: string;
  dueAt: string;
  status: TimerView['status'];
}

/**
 * The case as the protocol holds it (stage, track, risk, scope, conclusion, corroborations,
 * actions, approvals, escalation, closure), with its timers, whether something is overdue,
 * and the version of the rules it runs under. Pseudonyms and codes only: no identity.
 */
export type VerificationCaseView = Omit<VerificationCase, 'openedAt'> & {
  /** open until the case leaves the protocol. */
  status: 'open' | 'closed';
  openedAt: string;
  attentionDueAt: string | null;
  overdue: boolean;
  timers: CaseTimerView[];
};

export function verificationCaseView(
  current: VerificationCase,
  timers: TimerView[],
  now: Date,
): VerificationCaseView {
  const attention = attentionDueAt(current);
  return {
    ...current,
    status: current.stage === 'closed' ? 'closed' : 'open',
    openedAt: current.openedAt.toISOString(),
    attentionDueAt: attention?.toISOString() ?? null,
    overdue: attention !== null && attention <= now,
    timers: timers.map((timer) => ({
      kind: timer.kind,
      subject: timer.subject,
      dueAt: timer.dueAt.toISOString(),
      status: timer.status,
    })),
  };
}

/**
 * The view for a reader whose share covers the summary only: the written reasons of consent
 * overrides are free text about the person's situation, kept for the lead and full shares.
 */
export function withoutWrittenReasons(view: VerificationCaseView): VerificationCaseView {
  return {
    ...view,
    actions: view.actions.map((action) => ({
      ...action,
      consentOverrideRequested: action.consentOverrideRequested ? { reason: WITHHELD } : null,
      consentOverride: action.consentOverride ? { ...action.consentOverride, reason: WITHHELD } : null,
    })),
  };
}

const WITHHELD = '(written reason: lead entity and full shares only)';
