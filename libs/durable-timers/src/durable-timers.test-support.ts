import type { DataSource } from 'typeorm';
import { createServiceDataSource, initializeServiceDatabase, inTransaction } from '@reprisals/persistence';
import { durableTimersMigration } from './migrations/durable-timers.migration';
import type { TimerHandler, TimerUnit } from './scheduler/timer-handler';
import type { TimerLogger } from './scheduler/timer-scheduler.options';
import { DurableTimers } from './timers/durable-timers';
import type { TimerRequest } from './timers/timer.types';

/** A service data source whose schema has the durable_timer table and the tests' timer_effect table. */
export async function openTimersDataSource(url: string, schema: string, poolSize = 4): Promise<DataSource> {
  const dataSource = createServiceDataSource({
    url,
    schema,
    entities: [],
    migrations: [durableTimersMigration(1767225600500)],
    applicationName: `test-durable-timers-${schema}`,
    poolSize,
  });
  await initializeServiceDatabase(dataSource);
  // What handlers write: one row per firing, nothing unique, so a double firing shows.
  await dataSource.query(
    `CREATE TABLE IF NOT EXISTS "${schema}"."timer_effect" ("timer_id" UUID NOT NULL, "kind" TEXT NOT NULL)`,
  );
  return dataSource;
}

/** A handler that writes one timer_effect row in the firing transaction, then throws while `failing()` says so. */
export function effectHandler(
  failing: (attempt: number) => boolean = () => false,
): TimerHandler<TimerUnit> & { calls: number } {
  const handler = {
    calls: 0,
    async fire(timer: { id: string; kind: string }, unit: TimerUnit): Promise<void> {
      handler.calls += 1;
      await unit.manager.query(`INSERT INTO timer_effect ("timer_id", "kind") VALUES ($1, $2)`, [
        timer.id,
        timer.kind,
      ]);
      if (failing(handler.calls)) throw new ReviewUnavailable('the review of Nadia K. is unavailable');
    },
  };
  return handler;
}

/** What a failing handler throws: its message names a person, which must never be stored or logged. */
export class ReviewUnavailable extends Error {}

/** How many timer_effect rows each timer has (timers with none are absent). */
export async function effectCounts(dataSource: DataSource): Promise<Map<string, number>> {
  const rows: Array<{ timer_id: string; count: number }> = await dataSource.query(
    'SELECT "timer_id", count(*)::int AS "count" FROM timer_effect GROUP BY "timer_id"',
  );
  return new Map(rows.map((row) => [row.timer_id, row.count]));
}

/** The raw row of a timer, every column. */
export async function timerRow(dataSource: DataSource, id: string): Promise<Record<string, any>> {
  const [row] = await dataSource.query('SELECT * FROM durable_timer WHERE "id" = $1', [id]);
  return row;
}

/** Schedules in a transaction of its own, committed. */
export function scheduleCommitted(dataSource: DataSource, request: TimerRequest, now: Date): Promise<string> {
  return inTransaction(dataSource, (manager) => new DurableTimers().schedule(manager, request, now));
}

/** A logger that keeps what it is told. */
export function recordingLogger(): TimerLogger & { warnings: Array<Record<string, unknown>> } {
  const warnings: Array<Record<string, unknown>> = [];
  return { warnings, warn: (message) => warnings.push(message), log: () => undefined };
}

/** A promise and the function that resolves it: a handler holds until a test says so. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** A schema name no other test of the file uses (each test file has a database of its own). */
export function testSchema(prefix: string): string {
  schemaCount += 1;
  return `${prefix}_${schemaCount}`;
}
let schemaCount = 0;
