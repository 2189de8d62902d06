import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@reprisals/persistence';

/** Table of the durable timers, in the schema of the service that schedules them. */
export const DURABLE_TIMER_TABLE = 'durable_timer';

/**
 * The migration that gives a service its `durable_timer` table, named
 * `CreateDurableTimers<timestamp>` with a timestamp from the service's own migrations (the schema
 * is the one of the data source that runs it, as for every migration):
 *
 * ```ts
 * export const VERIFICATION_MIGRATIONS = [..., durableTimersMigration(1767225708000)];
 * ```
 *
 * One row per timer. At most one `scheduled` timer per (kind, subject); the due date of scheduled
 * timers and the case are indexed. `last_error` holds the class name of the last error only.
 */
export function durableTimersMigration(timestamp: number): new () => MigrationInterface {
  const name = `CreateDurableTimers${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      const schema = schemaOf(queryRunner);
      const table = `"${schema}"."${DURABLE_TIMER_TABLE}"`;
      await queryRunner.query(`
        CREATE TABLE ${table} (
          "id" UUID PRIMARY KEY,
          "kind" TEXT NOT NULL CHECK (char_length("kind") BETWEEN 1 AND 200),
          "case_id" UUID NOT NULL,
          "subject" TEXT NOT NULL CHECK (char_length("subject") BETWEEN 1 AND 500),
          "due_at" TIMESTAMPTZ NOT NULL,
          "payload" JSONB NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof("payload") = 'object'),
          "status" TEXT NOT NULL CHECK ("status" IN ('scheduled', 'fired', 'cancelled', 'failed')),
          "attempts" INTEGER NOT NULL DEFAULT 0 CHECK ("attempts" >= 0),
          "lease_owner" TEXT NULL,
          "lease_until" TIMESTAMPTZ NULL,
          "created_at" TIMESTAMPTZ NOT NULL,
          "fired_at" TIMESTAMPTZ NULL,
          "cancelled_at" TIMESTAMPTZ NULL,
          "cancel_reason" TEXT NULL,
          "last_error" TEXT NULL,
          CONSTRAINT "durable_timer_fired_when_fired" CHECK (("status" = 'fired') = ("fired_at" IS NOT NULL)),
          CONSTRAINT "durable_timer_cancelled_when_cancelled" CHECK (
            ("status" = 'cancelled') = ("cancelled_at" IS NOT NULL)
          )
        )`);
      await queryRunner.query(`
        CREATE UNIQUE INDEX "durable_timer_live_per_subject" ON ${table} ("kind", "subject")
        WHERE "status" = 'scheduled'`);
      await queryRunner.query(`
        CREATE INDEX "durable_timer_scheduled_due" ON ${table} ("due_at") WHERE "status" = 'scheduled'`);
      await queryRunner.query(`CREATE INDEX "durable_timer_case" ON ${table} ("case_id")`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."${DURABLE_TIMER_TABLE}"`);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}
