import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ManualClock } from '@reprisals/kernel';
import { closeServiceDatabase, inTransaction } from '@reprisals/persistence';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import {
  effectCounts,
  effectHandler,
  openTimersDataSource,
  recordingLogger,
  scheduleCommitted,
  testSchema,
  timerRow,
} from '../durable-timers.test-support';
import { DurableTimers } from '../timers/durable-timers';
import type { DueTimer } from '../timers/timer.types';
import type { TimerHandler, TimerUnit } from './timer-handler';
import { NO_TIMER_HANDLER } from './timer-lease.store';
import { TimerScheduler } from './timer-scheduler';
import type { TimerSchedulerOptions } from './timer-scheduler.options';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('the timer scheduler on PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let clock: ManualClock;
  let logger: ReturnType<typeof recordingLogger>;
  const timers = new DurableTimers();

  beforeAll(async () => {
    database = await createTestDatabase('timer_scheduler');
  });

  beforeEach(async () => {
    clock = new ManualClock('2026-11-20T09:00:00.000Z');
    logger = recordingLogger();
    dataSource = await openTimersDataSource(database.url, testSchema('scheduler'));
  });

  afterEach(async () => {
    if (dataSource) await closeServiceDatabase(dataSource);
  });

  afterAll(async () => {
    await database?.drop();
  });

  const schedulerOf = <TUnit extends TimerUnit = TimerUnit>(
    handlers: Record<string, TimerHandler<TUnit>>,
    options: Partial<TimerSchedulerOptions<TUnit>> = {},
  ) => new TimerScheduler<TUnit>({ dataSource, clock, owner: 'scheduler-a', handlers, logger, ...options });

  /** A timer of a case of its own, due `dueInMs` from the clock's now, scheduled and committed. */
  const scheduleIn = (
    kind: string,
    dueInMs: number,
    caseId: string = randomUUID(),
    subject: string = randomUUID(),
  ) =>
    scheduleCommitted(
      dataSource,
      { kind, caseId, subject, dueAt: new Date(clock.now().getTime() + dueInMs), payload: { round: 1 } },
      clock.now(),
    );

  it('given a scheduled timer, when the clock reaches its due date, then it fires once: its effect and its fired mark commit together', async () => {
    const handler = effectHandler();
    const scheduler = schedulerOf({ 'review-due': handler });
    const id = await scheduleIn('review-due', HOUR);

    expect(await scheduler.fireDue()).toBe(0);
    clock.advance(HOUR - 1);
    expect(await scheduler.fireDue()).toBe(0);
    expect(await effectCounts(dataSource)).toEqual(new Map());

    clock.advance(1);
    expect(await scheduler.fireDue()).toBe(1);

    expect(await effectCounts(dataSource)).toEqual(new Map([[id, 1]]));
    const row = await timerRow(dataSource, id);
    expect(row).toMatchObject({ status: 'fired', attempts: 0, lease_owner: null, lease_until: null });
    expect(row.fired_at).toEqual(clock.now());
    clock.advance(DAY);
    expect(await scheduler.fireDue()).toBe(0);
    expect(await effectCounts(dataSource)).toEqual(new Map([[id, 1]]));
    expect(handler.calls).toBe(1);
  });

  it('given a firing aborted by a deadlock, when the scheduler runs, then it fires again at once and the conflict is not an attempt', async () => {
    let calls = 0;
    const scheduler = schedulerOf({
      'review-due': {
        fire: async (timer, unit) => {
          calls += 1;
          await unit.manager.query(`INSERT INTO timer_effect ("timer_id", "kind") VALUES ($1, $2)`, [
            timer.id,
            timer.kind,
          ]);
          if (calls === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
        },
      },
    });
    const id = await scheduleIn('review-due', 0);

    // The lease is given back at once, so the same run claims it again and fires it.
    expect(await scheduler.fireDue()).toBe(1);
    expect(calls).toBe(2);
    expect(await effectCounts(dataSource)).toEqual(new Map([[id, 1]]));
    expect(await timerRow(dataSource, id)).toMatchObject({ status: 'fired', attempts: 0, last_error: null });
    expect(logger.warnings).toEqual([]);
  });

  it('given a due timer, when it fires, then the handler gets the timer as scheduled and the clock’s now', async () => {
    const caseId = randomUUID();
    const fired: Array<{ timer: DueTimer; now: Date }> = [];
    const scheduler = schedulerOf({
      'approval-wait': { fire: async (timer, _unit, now) => void fired.push({ timer, now }) },
    });
    const dueAt = new Date('2026-11-21T09:00:00.000Z');
    const id = await scheduleCommitted(
      dataSource,
      { kind: 'approval-wait', caseId, subject: 'approval/3', dueAt, payload: { approver: 'role:chief' } },
      clock.now(),
    );
    clock.set('2026-11-22T10:00:00.000Z');

    await scheduler.fireDue();

    expect(fired).toEqual([
      {
        timer: {
          id,
          kind: 'approval-wait',
          caseId,
          subject: 'approval/3',
          dueAt,
          payload: { approver: 'role:chief' },
          attempts: 0,
        },
        now: new Date('2026-11-22T10:00:00.000Z'),
      },
    ]);
  });

  it('given a handler that throws, when the timer fires, then its writes roll back, the attempt is counted and it is retried only after the retry delay', async () => {
    const attempts: number[] = [];
    const failsFirst = effectHandler((call) => call === 1);
    const scheduler = schedulerOf(
      {
        'review-due': {
          fire: async (timer, unit, now) => (
            attempts.push(timer.attempts),
            failsFirst.fire(timer, unit, now)
          ),
        },
      },
      { retryDelayMs: 10 * MINUTE },
    );
    const id = await scheduleIn('review-due', 0);

    expect(await scheduler.fireDue()).toBe(0);

    expect(await effectCounts(dataSource)).toEqual(new Map());
    const row = await timerRow(dataSource, id);
    expect(row).toMatchObject({
      status: 'scheduled',
      attempts: 1,
      last_error: 'ReviewUnavailable',
      lease_owner: null,
    });
    expect(row.lease_until).toEqual(new Date(clock.now().getTime() + 10 * MINUTE));
    expect(logger.warnings).toEqual([
      {
        event: 'durable-timers.attempt-failed',
        timerId: id,
        kind: 'review-due',
        attempts: 1,
        error: 'ReviewUnavailable',
      },
    ]);
    expect(JSON.stringify(logger.warnings) + JSON.stringify(row)).not.toContain('Nadia');

    clock.advance(10 * MINUTE - 1);
    expect(await scheduler.fireDue()).toBe(0);
    expect(failsFirst.calls).toBe(1);

    clock.advance(1);
    expect(await scheduler.fireDue()).toBe(1);
    expect(await effectCounts(dataSource)).toEqual(new Map([[id, 1]]));
    expect(await timerRow(dataSource, id)).toMatchObject({ status: 'fired', attempts: 1 });
    expect(attempts).toEqual([0, 1]);
  });

  it('given a handler that always throws, when the timer has failed maxAttempts times, then its status is failed and it is not tried again', async () => {
    const handler = effectHandler(() => true);
    const scheduler = schedulerOf({ reminder: handler }, { maxAttempts: 3, retryDelayMs: MINUTE });
    const caseId = randomUUID();
    const id = await scheduleIn('reminder', 0, caseId);

    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await scheduler.fireDue()).toBe(0);
      clock.advance(MINUTE);
    }

    expect(await timerRow(dataSource, id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      last_error: 'ReviewUnavailable',
      lease_owner: null,
      lease_until: null,
      fired_at: null,
    });
    clock.advance(DAY);
    expect(await scheduler.fireDue()).toBe(0);
    expect(handler.calls).toBe(3);
    expect(await effectCounts(dataSource)).toEqual(new Map());
    expect(logger.warnings.map((warning) => warning['event'])).toEqual([
      'durable-timers.attempt-failed',
      'durable-timers.attempt-failed',
      'durable-timers.gave-up',
    ]);
    const [view] = await inTransaction(dataSource, (manager) => timers.ofCase(manager, caseId));
    expect(view!.status).toBe('failed');
  });

  it('given a cancellation in a transaction that rolls back, when the timer falls due, then it still fires', async () => {
    const handler = effectHandler();
    const scheduler = schedulerOf({ 'review-due': handler });
    const caseId = randomUUID();
    const id = await scheduleIn('review-due', HOUR, caseId);

    await expect(
      inTransaction(dataSource, async (manager) => {
        expect(await timers.cancel(manager, { caseId }, 'review withdrawn', clock.now())).toBe(1);
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    clock.advance(HOUR);

    expect(await scheduler.fireDue()).toBe(1);
    expect(await effectCounts(dataSource)).toEqual(new Map([[id, 1]]));
  });

  it('given a cancellation committed, when the timer’s due date passes, then it never fires', async () => {
    const handler = effectHandler();
    const scheduler = schedulerOf({ 'review-due': handler });
    const caseId = randomUUID();
    const id = await scheduleIn('review-due', HOUR, caseId);

    await inTransaction(dataSource, (manager) =>
      timers.cancel(manager, { caseId, kind: 'review-due' }, 'review withdrawn', clock.now()),
    );
    clock.advance(DAY);

    expect(await scheduler.fireDue()).toBe(0);
    expect(handler.calls).toBe(0);
    expect(await timerRow(dataSource, id)).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'review withdrawn',
    });
  });

  it('given a timer claimed by the scheduler but not fired yet, when it is cancelled and committed, then it is not fired', async () => {
    const caseId = randomUUID();
    const first = await scheduleIn('escalation', -2 * MINUTE, caseId);
    const second = await scheduleIn('review-due', -MINUTE, caseId);
    const seen: { leaseOwner?: string; cancelled?: number } = {};
    const reviewDue = effectHandler();
    // Fires first (earlier due date), while the second one is already leased in the same batch.
    const escalation: TimerHandler = {
      fire: async () => {
        seen.leaseOwner = (await timerRow(dataSource, second)).lease_owner;
        seen.cancelled = await inTransaction(dataSource, (manager) =>
          timers.cancel(manager, { caseId, kind: 'review-due' }, 'review withdrawn', clock.now()),
        );
      },
    };
    const scheduler = schedulerOf({ escalation, 'review-due': reviewDue });

    expect(await scheduler.fireDue()).toBe(1);

    expect(seen).toEqual({ leaseOwner: 'scheduler-a', cancelled: 1 });
    expect(reviewDue.calls).toBe(0);
    expect(await timerRow(dataSource, first)).toMatchObject({ status: 'fired' });
    expect(await timerRow(dataSource, second)).toMatchObject({ status: 'cancelled', fired_at: null });
  });

  it('given a timer claimed by the scheduler but not fired yet, when it is moved to a later date and committed, then it fires only at that date', async () => {
    const caseId = randomUUID();
    await scheduleIn('escalation', -2 * MINUTE, caseId);
    const moved = await scheduleIn('review-due', -MINUTE, caseId, 'review/9');
    const later = new Date(clock.now().getTime() + HOUR);
    const reviewDue = effectHandler();
    const escalation: TimerHandler = {
      fire: () =>
        scheduleCommitted(
          dataSource,
          { kind: 'review-due', caseId, subject: 'review/9', dueAt: later },
          clock.now(),
        ).then(() => undefined),
    };
    const scheduler = schedulerOf({ escalation, 'review-due': reviewDue });

    expect(await scheduler.fireDue()).toBe(1);

    expect(reviewDue.calls).toBe(0);
    expect(await timerRow(dataSource, moved)).toMatchObject({
      status: 'scheduled',
      due_at: later,
      lease_owner: null,
    });
    clock.set(later);
    expect(await scheduler.fireDue()).toBe(1);
    expect(await effectCounts(dataSource)).toEqual(new Map([[moved, 1]]));
  });

  it('given a timer leased by a process that died, when another scheduler runs, then it fires it only once the lease has run out', async () => {
    const handler = effectHandler();
    const scheduler = schedulerOf({ 'review-due': handler });
    const id = await scheduleIn('review-due', -MINUTE);
    await dataSource.query(
      `UPDATE durable_timer SET lease_owner = 'dead-process', lease_until = $2 WHERE id = $1`,
      [id, new Date(clock.now().getTime() + MINUTE)],
    );

    expect(await scheduler.fireDue()).toBe(0);
    clock.advance(MINUTE - 1);
    expect(await scheduler.fireDue()).toBe(0);
    expect(handler.calls).toBe(0);

    clock.advance(1);
    expect(await scheduler.fireDue()).toBe(1);
    expect(await scheduler.fireDue()).toBe(0);
    expect(await effectCounts(dataSource)).toEqual(new Map([[id, 1]]));
    expect(await timerRow(dataSource, id)).toMatchObject({ status: 'fired', lease_owner: null });
  });

  it('given due timers of kinds without a handler, when the scheduler fires, then they are marked failed and logged, and the others fire', async () => {
    const unknown = await scheduleIn('retired-kind', 0);
    const inherited = await scheduleIn('toString', 0);
    const known = await scheduleIn('review-due', 0);
    const scheduler = schedulerOf({ 'review-due': effectHandler() });

    await expect(scheduler.fireDue()).resolves.toBe(1);

    expect(await effectCounts(dataSource)).toEqual(new Map([[known, 1]]));
    for (const id of [unknown, inherited])
      expect(await timerRow(dataSource, id)).toMatchObject({
        status: 'failed',
        last_error: NO_TIMER_HANDLER,
      });
    expect(logger.warnings).toEqual(
      expect.arrayContaining([
        { event: 'durable-timers.no-handler', timerId: unknown, kind: 'retired-kind' },
        { event: 'durable-timers.no-handler', timerId: inherited, kind: 'toString' },
      ]),
    );
    clock.advance(DAY);
    expect(await scheduler.fireDue()).toBe(0);
  });

  it('given a handler that schedules the same kind and subject again, when it fires, then the next occurrence is a new timer that fires in turn', async () => {
    const caseId = randomUUID();
    const reminder: TimerHandler = {
      fire: async (timer, unit, now) => {
        await effectHandler().fire(timer, unit, now);
        await timers.schedule(
          unit.manager,
          {
            kind: timer.kind,
            caseId: timer.caseId,
            subject: timer.subject,
            dueAt: new Date(now.getTime() + DAY),
          },
          now,
        );
      },
    };
    const scheduler = schedulerOf({ reminder });
    const first = await scheduleIn('reminder', DAY, caseId, 'letter/5');

    clock.advance(DAY);
    expect(await scheduler.fireDue()).toBe(1);
    clock.advance(DAY);
    expect(await scheduler.fireDue()).toBe(1);

    const listed = await inTransaction(dataSource, (manager) => timers.ofCase(manager, caseId));
    expect(listed.map((timer) => timer.status)).toEqual(['fired', 'fired', 'scheduled']);
    expect(listed[0]!.id).toBe(first);
    expect([...(await effectCounts(dataSource)).values()]).toEqual([1, 1]);
  });

  describe('with a transaction that records events, as a transactional outbox does', () => {
    interface OutboxUnit extends TimerUnit {
      record(event: string): void;
    }

    const outboxTransaction = <T>(work: (unit: OutboxUnit) => Promise<T>): Promise<T> =>
      dataSource.transaction('READ COMMITTED', async (manager) => {
        const recorded: string[] = [];
        const value = await work({ manager, record: (event) => recorded.push(event) });
        for (const event of recorded)
          await manager.query('INSERT INTO outbox_event ("name") VALUES ($1)', [event]);
        return value;
      });

    it('given a handler recording an event, when an attempt fails and the next succeeds, then the event is stored once, with the firing', async () => {
      await dataSource.query('CREATE TABLE outbox_event ("name" TEXT NOT NULL)');
      let calls = 0;
      const handler: TimerHandler<OutboxUnit> = {
        fire: async (timer, unit) => {
          calls += 1;
          unit.record(`review-overdue:${timer.id}`);
          if (calls === 1) throw new RangeError('transient');
        },
      };
      const scheduler = schedulerOf<OutboxUnit>(
        { 'review-due': handler },
        { transaction: outboxTransaction, retryDelayMs: 0 },
      );
      const id = await scheduleIn('review-due', 0);

      expect(await scheduler.fireDue()).toBe(1);

      expect(calls).toBe(2);
      expect(await dataSource.query('SELECT "name" FROM outbox_event')).toEqual([
        { name: `review-overdue:${id}` },
      ]);
      expect(await timerRow(dataSource, id)).toMatchObject({
        status: 'fired',
        attempts: 1,
        last_error: 'RangeError',
      });
    });
  });

  it('given malformed options, when a scheduler is made, then it is refused', () => {
    expect(() => schedulerOf({}, { owner: '' })).toThrow('TimerScheduler option owner');
    expect(() => schedulerOf({}, { batchSize: 0 })).toThrow(
      'TimerScheduler option batchSize is an integer of at least 1',
    );
    expect(() => schedulerOf({}, { retryDelayMs: -1 })).toThrow('TimerScheduler option retryDelayMs');
  });
});
