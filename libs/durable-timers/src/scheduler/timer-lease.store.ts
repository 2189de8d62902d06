import type { DataSource, EntityManager } from 'typeorm';
import { TIMER_COLUMNS, type TimerRow } from '../timers/timer-row.mapper';
import { timerTableOf } from '../timers/timer-table';

/** Error class recorded for a due timer whose kind has no handler. */
export const NO_TIMER_HANDLER = 'NoTimerHandler';

/** What recordFailure left: the timer's attempts, and whether it gave up (`failed`). */
export interface RecordedFailure {
  kind: string;
  attempts: number;
  status: 'scheduled' | 'failed';
}

/** The SQL of claiming and firing timers, in the `durable_timer` table of one data source. */
export class TimerLeaseStore {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly owner: string,
  ) {
    this.table = timerTableOf(dataSource);
  }

  /**
   * Leases up to `limit` due timers to this owner until `leaseUntil`, earliest due first, and
   * returns their ids. One statement, so one short transaction: rows another transaction holds
   * (being claimed or fired elsewhere) are skipped, and rows leased to a live owner are left alone.
   */
  async claim(now: Date, leaseUntil: Date, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH "due" AS (
         SELECT "id" FROM ${this.table}
          WHERE "status" = 'scheduled' AND "due_at" <= $1 AND ("lease_until" IS NULL OR "lease_until" <= $1)
          ORDER BY "due_at", "id"
          LIMIT $2
          FOR UPDATE SKIP LOCKED),
       "claimed" AS (
         UPDATE ${this.table} AS "timer" SET "lease_owner" = $3, "lease_until" = $4
           FROM "due" WHERE "timer"."id" = "due"."id"
         RETURNING "timer"."id", "timer"."due_at")
       SELECT "id" FROM "claimed" ORDER BY "due_at", "id"`,
      [now, limit, this.owner, leaseUntil],
    );
    return rows.map((row) => row.id);
  }

  /** The timer's row, locked until the firing transaction ends; undefined when it is gone. */
  async lockForFiring(manager: EntityManager, id: string): Promise<TimerRow | undefined> {
    const rows: TimerRow[] = await manager.query(
      `SELECT ${TIMER_COLUMNS} FROM ${this.table} WHERE "id" = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  /** Marks the locked timer fired, in the firing transaction. */
  async markFired(manager: EntityManager, id: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE ${this.table}
          SET "status" = 'fired', "fired_at" = $2, "lease_owner" = NULL, "lease_until" = NULL
        WHERE "id" = $1`,
      [id, now],
    );
  }

  /** Marks the locked timer failed for want of a handler, in the firing transaction. */
  async markUnhandled(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE ${this.table}
          SET "status" = 'failed', "attempts" = "attempts" + 1, "last_error" = $2,
              "lease_owner" = NULL, "lease_until" = NULL
        WHERE "id" = $1`,
      [id, NO_TIMER_HANDLER],
    );
  }

  /**
   * After a firing transaction rolled back: counts the attempt, keeps the error's class name,
   * releases the lease and keeps the timer off until `retryAt`, or marks it failed once
   * `maxAttempts` is reached. Only while the timer is still scheduled and leased to this owner
   * (a cancellation or another process may have taken it since); undefined otherwise.
   */
  async recordFailure(
    id: string,
    errorClass: string,
    retryAt: Date,
    maxAttempts: number,
  ): Promise<RecordedFailure | undefined> {
    const rows: RecordedFailure[] = await this.dataSource.query(
      `WITH "attempt" AS (
         UPDATE ${this.table}
            SET "attempts" = "attempts" + 1, "last_error" = $3, "lease_owner" = NULL,
                "status" = CASE WHEN "attempts" + 1 >= $5 THEN 'failed' ELSE 'scheduled' END,
                "lease_until" = CASE WHEN "attempts" + 1 >= $5 THEN NULL ELSE $4::timestamptz END
          WHERE "id" = $1 AND "status" = 'scheduled' AND "lease_owner" = $2
          RETURNING "kind", "attempts", "status")
       SELECT "kind", "attempts", "status" FROM "attempt"`,
      [id, this.owner, errorClass, retryAt, maxAttempts],
    );
    return rows[0];
  }

  /** Gives back leases this owner took and will not use (when stopping), so other processes need not wait for them. */
  async release(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `UPDATE ${this.table} SET "lease_owner" = NULL, "lease_until" = NULL
        WHERE "id" = ANY($1::uuid[]) AND "status" = 'scheduled' AND "lease_owner" = $2`,
      [ids, this.owner],
    );
  }
}
