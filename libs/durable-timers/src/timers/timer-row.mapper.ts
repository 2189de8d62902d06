import type { DueTimer, TimerStatus, TimerView } from './timer.types';

/** A `durable_timer` row as the pg driver returns it (timestamps as Date, jsonb parsed). */
export interface TimerRow {
  id: string;
  kind: string;
  case_id: string;
  subject: string;
  due_at: Date;
  payload: Record<string, unknown>;
  status: TimerStatus;
  attempts: number;
  lease_owner: string | null;
  lease_until: Date | null;
  fired_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

/** The columns a TimerRow holds, for SELECT lists. */
export const TIMER_COLUMNS = `"id", "kind", "case_id", "subject", "due_at", "payload", "status", "attempts",
  "lease_owner", "lease_until", "fired_at", "cancelled_at", "cancel_reason"`;

export function toTimerView(row: TimerRow): TimerView {
  return {
    id: row.id,
    kind: row.kind,
    caseId: row.case_id,
    subject: row.subject,
    dueAt: row.due_at,
    status: row.status,
    firedAt: row.fired_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    payload: row.payload,
  };
}

export function toDueTimer(row: TimerRow): DueTimer {
  return {
    id: row.id,
    kind: row.kind,
    caseId: row.case_id,
    subject: row.subject,
    dueAt: row.due_at,
    payload: row.payload,
    attempts: row.attempts,
  };
}
