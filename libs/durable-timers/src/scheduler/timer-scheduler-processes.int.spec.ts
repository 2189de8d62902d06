import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ManualClock } from '@reprisals/kernel';
import { closeServiceDatabase } from '@reprisals/persistence';
import { createTestDatabase, eventually, type TestDatabase } from '@reprisals/testing';
import {
  effectCounts,
  effectHandler,
  gate,
  openTimersDataSource,
  recordingLogger,
  scheduleCommitted,
  testSchema,
  timerRow,
} from '../durable-timers.test-support';
import type { TimerHandler } from './timer-handler';
import { TimerScheduler } from './timer-scheduler';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const START = '2026-11-20T09:00:00.000Z';

/** What a process has of its own: a pool, a clock, a scheduler. */
interface Process {
  dataSource: DataSource;
  clock: ManualClock;
  scheduler: TimerScheduler;
}

describe('timer schedulers of several processes on PostgreSQL', () => {
  let database: TestDatabase;
  const opened: DataSource[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('timer_processes');
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((dataSource) => closeServiceDatabase(dataSource)));
  });

  afterAll(async () => {
    await database?.drop();
  });

  const open = async (schema: string): Promise<DataSource> => {
    const dataSource = await openTimersDataSource(database.url, schema);
    opened.push(dataSource);
    return dataSource;
  };

  const startProcess = async (
    schema: string,
    owner: string,
    handlers: Record<string, TimerHandler>,
    options: { leaseMs?: number; batchSize?: number; pollIntervalMs?: number } = {},
  ): Promise<Process> => {
    const dataSource = await open(schema);
    const clock = new ManualClock(START);
    const scheduler = new TimerScheduler({
      dataSource,
      clock,
      owner,
      handlers,
      logger: recordingLogger(),
      ...options,
    });
    return { dataSource, clock, scheduler };
  };

  it('given two processes racing to fire many due timers over several rounds, when they are done, then every timer fired and had its effect exactly once', async () => {
    const schema = testSchema('racing');
    const handler = effectHandler();
    // Small leases and batches: the second process's clock runs ahead by more than a lease, so it
    // also takes over timers the first one claimed and has not fired yet.
    const options = { leaseMs: SECOND, batchSize: 4 };
    const first = await startProcess(schema, 'process-1', { 'review-due': handler }, options);
    const second = await startProcess(schema, 'process-2', { 'review-due': handler }, options);
    const ids: string[] = [];
    for (let index = 0; index < 60; index += 1) {
      const dueAt = new Date(new Date(START).getTime() + index * SECOND);
      const caseId = randomUUID();
      ids.push(
        await scheduleCommitted(
          first.dataSource,
          { kind: 'review-due', caseId, subject: caseId, dueAt },
          first.clock.now(),
        ),
      );
    }

    let fired = 0;
    for (let round = 1; round <= 4; round += 1) {
      first.clock.set(new Date(new Date(START).getTime() + round * 15 * SECOND));
      second.clock.set(new Date(first.clock.now().getTime() + 2 * SECOND));
      const counts = await Promise.all([
        first.scheduler.fireDue(),
        second.scheduler.fireDue(),
        first.scheduler.fireDue(),
        second.scheduler.fireDue(),
      ]);
      fired += counts.reduce((sum, count) => sum + count, 0);
    }

    const effects = await effectCounts(first.dataSource);
    expect(ids.filter((id) => effects.get(id) !== 1)).toEqual([]);
    expect(effects.size).toBe(60);
    expect(fired).toBe(60);
    expect(handler.calls).toBe(60);
    const [{ statuses }] = await first.dataSource.query(
      `SELECT array_agg(DISTINCT status) AS statuses FROM durable_timer`,
    );
    expect(statuses).toEqual(['fired']);
  });

  it('given a timer that fell due while every process was down, when a new process starts its scheduler, then it fires once right away', async () => {
    const schema = testSchema('downtime');
    const before = await open(schema);
    const clock = new ManualClock(START);
    const caseId = randomUUID();
    const id = await scheduleCommitted(
      before,
      { kind: 'review-due', caseId, subject: 'review/1', dueAt: new Date(clock.now().getTime() + MINUTE) },
      clock.now(),
    );
    await closeServiceDatabase(before);
    clock.advance(10 * MINUTE);

    const after = await open(schema);
    const handler = effectHandler();
    // A poll interval far longer than the test: only the start itself can fire the timer.
    const scheduler = new TimerScheduler({
      dataSource: after,
      clock,
      owner: 'restarted',
      handlers: { 'review-due': handler },
      pollIntervalMs: 10 * MINUTE,
      logger: recordingLogger(),
    });
    scheduler.start();
    try {
      await eventually(async () => (await effectCounts(after)).get(id) === 1, {
        description: 'the timer that fell due during the downtime to fire',
      });
    } finally {
      await scheduler.stop();
    }

    expect(await timerRow(after, id)).toMatchObject({ status: 'fired' });
    expect(await scheduler.fireDue()).toBe(0);
    expect(handler.calls).toBe(1);
  });

  it('given a started scheduler, when a timer due now is scheduled and the scheduler kicked, then it fires without waiting for the next poll', async () => {
    const handler = effectHandler();
    const process = await startProcess(
      testSchema('kick'),
      'kicked',
      { reminder: handler },
      {
        pollIntervalMs: 10 * MINUTE,
      },
    );
    process.scheduler.start();
    try {
      // Runs after the start's own run: once it is done, only the kick can fire what comes next.
      expect(await process.scheduler.fireDue()).toBe(0);
      const caseId = randomUUID();
      const id = await scheduleCommitted(
        process.dataSource,
        { kind: 'reminder', caseId, subject: caseId, dueAt: process.clock.now() },
        process.clock.now(),
      );

      process.scheduler.kick();

      await eventually(async () => (await effectCounts(process.dataSource)).get(id) === 1, {
        description: 'the kicked scheduler to fire the timer',
      });
    } finally {
      await process.scheduler.stop();
    }
  });

  it('given a firing in progress, when the scheduler is stopped, then stop waits for it to commit', async () => {
    const held = gate();
    let entered = false;
    const slow = effectHandler();
    const handler: TimerHandler = {
      fire: async (timer, unit, now) => {
        entered = true;
        await held.opened;
        await slow.fire(timer, unit, now);
      },
    };
    const process = await startProcess(testSchema('stopping'), 'stopping', { reminder: handler });
    const caseId = randomUUID();
    const id = await scheduleCommitted(
      process.dataSource,
      { kind: 'reminder', caseId, subject: caseId, dueAt: process.clock.now() },
      process.clock.now(),
    );
    process.scheduler.start();
    await eventually(() => entered, { description: 'the handler to start' });

    // What is committed at the moment stop() resolves.
    const stopping = process.scheduler.stop().then(() => effectCounts(process.dataSource));
    held.open();

    expect(await stopping).toEqual(new Map([[id, 1]]));
    expect(await timerRow(process.dataSource, id)).toMatchObject({ status: 'fired' });
  });
});
