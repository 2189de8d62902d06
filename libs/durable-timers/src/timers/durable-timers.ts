import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { checkCancellation, checkCaseId, checkDate, checkTimerRequest } from './timer-request.validation';
import { TIMER_COLUMNS, toTimerView, type TimerRow } from './timer-row.mapper';
import { timerTableOf } from './timer-table';
import type { TimerCancellation, TimerChange, TimerRequest, TimerView } from './timer.types';

/**
 * Schedules, cancels and lists durable timers. Stateless: every method runs in the caller's
 * transaction (the EntityManager of a transaction of a service data source whose migrations
 * include durableTimersMigration), so a timer is scheduled or cancelled together with the state
 * change that asked for it, or not at all.
 *
 * ```ts
 * await outbox.run(async ({ manager, record }) => {
 *   await reviews.open(manager, review);
 *   await timers.schedule(manager, { kind: 'review-due', caseId, subject: review.id, dueAt }, clock.now());
 * });
 * ```
 *
 * A TimerScheduler fires the timers once they are due.
 */
export class DurableTimers {
  /**
   * Schedules a timer and returns its id. If a scheduled timer of the same kind and subject
   * exists, it is moved to the new due date, case and payload instead (one live timer per kind
   * and subject): it keeps its id, and its failed attempts are forgotten.
   */
  async schedule(manager: EntityManager, request: TimerRequest, now: Date): Promise<string> {
    checkTimerRequest(request);
    checkDate('now', now);
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO ${timerTableOf(manager.dataSource)}
         ("id", "kind", "case_id", "subject", "due_at", "payload", "status", "attempts", "created_at")
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'scheduled', 0, $7)
       ON CONFLICT ("kind", "subject") WHERE "status" = 'scheduled' DO UPDATE
         SET "due_at" = EXCLUDED."due_at", "payload" = EXCLUDED."payload", "case_id" = EXCLUDED."case_id",
             "attempts" = 0, "lease_owner" = NULL, "lease_until" = NULL, "last_error" = NULL
       RETURNING "id"`,
      [
        randomUUID(),
        request.kind,
        request.caseId,
        request.subject,
        request.dueAt,
        JSON.stringify(request.payload ?? {}),
        now,
      ],
    );
    return rows[0]!.id;
  }

  /** Applies a decision's changes to the timers of one case, in order; `reason` is kept on each cancellation. */
  async apply(
    manager: EntityManager,
    caseId: string,
    changes: readonly TimerChange[],
    reason: string,
    now: Date,
  ): Promise<void> {
    for (const change of changes) {
      if (change.change === 'schedule') {
        const { change: _change, ...timer } = change;
        await this.schedule(manager, { ...timer, caseId }, now);
      } else
        await this.cancel(
          manager,
          {
            caseId,
            ...(change.kind ? { kind: change.kind } : {}),
            ...(change.subject ? { subject: change.subject } : {}),
          },
          reason,
          now,
        );
    }
  }

  /**
   * Cancels the scheduled timers of the case, narrowed to a kind and a subject when given, and
   * returns how many. A timer being fired by another transaction at that moment is waited for:
   * once fired it is no longer scheduled and is not counted.
   */
  async cancel(
    manager: EntityManager,
    filter: TimerCancellation,
    reason: string,
    now: Date,
  ): Promise<number> {
    checkCancellation(filter, reason);
    checkDate('now', now);
    const [row] = await manager.query<Array<{ count: number }>>(
      `WITH "cancelled" AS (
         UPDATE ${timerTableOf(manager.dataSource)}
            SET "status" = 'cancelled', "cancelled_at" = $4, "cancel_reason" = $5,
                "lease_owner" = NULL, "lease_until" = NULL
          WHERE "case_id" = $1 AND "status" = 'scheduled'
            AND ($2::text IS NULL OR "kind" = $2) AND ($3::text IS NULL OR "subject" = $3)
          RETURNING 1)
       SELECT count(*)::int AS "count" FROM "cancelled"`,
      [filter.caseId, filter.kind ?? null, filter.subject ?? null, now, reason],
    );
    return row?.count ?? 0;
  }

  /** Every timer of the case, whatever its status, by due date. */
  async ofCase(manager: EntityManager, caseId: string): Promise<TimerView[]> {
    checkCaseId(caseId);
    const rows: TimerRow[] = await manager.query(
      `SELECT ${TIMER_COLUMNS} FROM ${timerTableOf(manager.dataSource)}
        WHERE "case_id" = $1 ORDER BY "due_at", "created_at", "id"`,
      [caseId],
    );
    return rows.map(toTimerView);
  }

  /** The scheduled timers of the given cases that are due at `now` (due date <= now), by due date. */
  async overdue(manager: EntityManager, caseIds: readonly string[], now: Date): Promise<TimerView[]> {
    caseIds.forEach(checkCaseId);
    checkDate('now', now);
    if (caseIds.length === 0) return [];
    const rows: TimerRow[] = await manager.query(
      `SELECT ${TIMER_COLUMNS} FROM ${timerTableOf(manager.dataSource)}
        WHERE "case_id" = ANY($1::uuid[]) AND "status" = 'scheduled' AND "due_at" <= $2
        ORDER BY "due_at", "created_at", "id"`,
      [caseIds, now],
    );
    return rows.map(toTimerView);
  }

  /** The cases with a scheduled timer due at `now`, of the given kinds when given (for an "overdue" filter). */
  async overdueCaseIds(manager: EntityManager, now: Date, kinds?: readonly string[]): Promise<string[]> {
    checkDate('now', now);
    const rows: Array<{ case_id: string }> = await manager.query(
      `SELECT DISTINCT "case_id" FROM ${timerTableOf(manager.dataSource)}
        WHERE "status" = 'scheduled' AND "due_at" <= $1 AND ($2::text[] IS NULL OR "kind" = ANY($2::text[]))
        ORDER BY "case_id"`,
      [now, kinds ? [...kinds] : null],
    );
    return rows.map((row) => row.case_id);
  }
}
