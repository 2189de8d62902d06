/** What to schedule: a timer of `kind` for `subject` (one live timer per kind and subject), due at `dueAt`. */
export interface TimerRequest {
  /** Chooses the handler that fires it, e.g. `verification.review-due`. */
  kind: string;
  /** The case it belongs to: cancelled and listed by case. */
  caseId: string;
  /** What the timer is about, e.g. a review id: re-scheduling the same kind and subject moves the timer. */
  subject: string;
  dueAt: Date;
  /** Given to the handler as is (JSON object); keep personal data out of it. Default `{}`. */
  payload?: Record<string, unknown>;
}

/** `scheduled` until it fires, is cancelled, or fails for good (after its last attempt or for want of a handler). */
export type TimerStatus = 'scheduled' | 'fired' | 'cancelled' | 'failed';

/** A timer being fired, as its handler receives it. */
export interface DueTimer {
  id: string;
  kind: string;
  caseId: string;
  subject: string;
  dueAt: Date;
  payload: Record<string, unknown>;
  /** Failed attempts before this one (0 on the first). */
  attempts: number;
}

/** A timer as `ofCase` lists it. */
export interface TimerView {
  id: string;
  kind: string;
  caseId: string;
  subject: string;
  dueAt: Date;
  status: TimerStatus;
  firedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  payload: Record<string, unknown>;
}

/** Which scheduled timers to cancel: those of the case, narrowed by kind and subject when given. */
export interface TimerCancellation {
  caseId: string;
  kind?: string;
  subject?: string;
}

/**
 * What a decision does to the timers of one case: schedule one (by kind and subject), or cancel
 * those matching a kind and subject (every timer of the case when neither is given).
 */
export type TimerChange =
  | { change: 'schedule'; kind: string; subject: string; dueAt: Date; payload?: Record<string, unknown> }
  | { change: 'cancel'; kind?: string; subject?: string };
