import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ManualClock } from '@reprisals/kernel';
import { closeServiceDatabase, inTransaction } from '@reprisals/persistence';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import {
  openTimersDataSource,
  scheduleCommitted,
  testSchema,
  timerRow,
} from '../durable-timers.test-support';
import { DurableTimers } from './durable-timers';

describe('durable timers in the caller’s transaction, on PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const timers = new DurableTimers();
  const clock = new ManualClock('2026-11-20T09:00:00.000Z');
  const inOneHour = () => new Date(clock.now().getTime() + 3_600_000);

  beforeAll(async () => {
    database = await createTestDatabase('durable_timers');
    dataSource = await openTimersDataSource(database.url, 'timers');
  });

  afterAll(async () => {
    if (dataSource) await closeServiceDatabase(dataSource);
    await database?.drop();
  });

  it('given a timer scheduled in a transaction that rolls back, when the case is listed, then there is no timer', async () => {
    const caseId = randomUUID();

    await expect(
      inTransaction(dataSource, async (manager) => {
        await timers.schedule(
          manager,
          { kind: 'review-due', caseId, subject: 'review/1', dueAt: inOneHour() },
          clock.now(),
        );
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');

    expect(await inTransaction(dataSource, (manager) => timers.ofCase(manager, caseId))).toEqual([]);
  });

  it('given a timer scheduled and committed, when the case is listed, then it shows scheduled with its due date and payload', async () => {
    const caseId = randomUUID();
    const dueAt = inOneHour();

    const id = await scheduleCommitted(
      dataSource,
      { kind: 'review-due', caseId, subject: 'review/2', dueAt, payload: { reviewId: 'r-2', round: 1 } },
      clock.now(),
    );

    expect(await inTransaction(dataSource, (manager) => timers.ofCase(manager, caseId))).toEqual([
      {
        id,
        kind: 'review-due',
        caseId,
        subject: 'review/2',
        dueAt,
        status: 'scheduled',
        firedAt: null,
        cancelledAt: null,
        cancelReason: null,
        payload: { reviewId: 'r-2', round: 1 },
      },
    ]);
    const row = await timerRow(dataSource, id);
    expect(row).toMatchObject({ attempts: 0, lease_owner: null, lease_until: null, last_error: null });
    expect(row.created_at).toEqual(clock.now());
  });

  it('given a scheduled timer, when the same kind and subject is scheduled again, then one live timer keeps its id and has the new due date and payload', async () => {
    const caseId = randomUUID();
    const first = await scheduleCommitted(
      dataSource,
      { kind: 'approval-wait', caseId, subject: 'approval/7', dueAt: inOneHour(), payload: { level: 1 } },
      clock.now(),
    );
    const later = new Date('2026-11-27T09:00:00.000Z');
    const evenLater = new Date('2026-11-28T09:00:00.000Z');

    const second = await scheduleCommitted(
      dataSource,
      { kind: 'approval-wait', caseId, subject: 'approval/7', dueAt: later, payload: { level: 2 } },
      clock.now(),
    );
    await scheduleCommitted(
      dataSource,
      { kind: 'escalation', caseId, subject: 'approval/7', dueAt: evenLater },
      clock.now(),
    );

    expect(second).toBe(first);
    const listed = await inTransaction(dataSource, (manager) => timers.ofCase(manager, caseId));
    expect(listed.map(({ kind, dueAt, status, payload }) => ({ kind, dueAt, status, payload }))).toEqual([
      { kind: 'approval-wait', dueAt: later, status: 'scheduled', payload: { level: 2 } },
      { kind: 'escalation', dueAt: evenLater, status: 'scheduled', payload: {} },
    ]);
  });

  it('given two transactions scheduling the same kind and subject at once, when both commit, then one live timer remains', async () => {
    const caseId = randomUUID();
    const dueDates = [
      inOneHour(),
      new Date('2026-12-01T00:00:00.000Z'),
      new Date('2026-12-02T00:00:00.000Z'),
    ];

    const ids = await Promise.all(
      dueDates.map((dueAt) =>
        scheduleCommitted(dataSource, { kind: 'reminder', caseId, subject: 'letter/1', dueAt }, clock.now()),
      ),
    );

    expect(new Set(ids).size).toBe(1);
    const listed = await inTransaction(dataSource, (manager) => timers.ofCase(manager, caseId));
    expect(listed).toHaveLength(1);
    expect(dueDates).toContainEqual(listed[0]!.dueAt);
  });

  it('given scheduled timers of a case, when some are cancelled by kind, by subject or all, then only the matching scheduled ones are, with the reason and time', async () => {
    const caseId = randomUUID();
    const other = randomUUID();
    const schedule = (kind: string, subject: string, on = caseId) =>
      scheduleCommitted(dataSource, { kind, caseId: on, subject, dueAt: inOneHour() }, clock.now());
    await schedule('review-due', 'review/a');
    await schedule('review-due', 'review/b');
    await schedule('escalation', 'review/a');
    await schedule('review-due', 'review/c', other);
    const cancelIn = (filter: { caseId: string; kind?: string; subject?: string }, reason: string) =>
      inTransaction(dataSource, (manager) => timers.cancel(manager, filter, reason, clock.now()));

    expect(await cancelIn({ caseId, kind: 'review-due', subject: 'review/b' }, 'review b withdrawn')).toBe(1);
    expect(await cancelIn({ caseId, kind: 'review-due' }, 'reviews closed')).toBe(1);
    clock.advance(60_000);
    expect(await cancelIn({ caseId }, 'case closed')).toBe(1);
    expect(await cancelIn({ caseId }, 'case closed again')).toBe(0);

    const listed = await inTransaction(dataSource, (manager) => timers.ofCase(manager, caseId));
    expect(
      listed.map(({ kind, subject, status, cancelReason }) => ({ kind, subject, status, cancelReason })),
    ).toEqual(
      expect.arrayContaining([
        { kind: 'review-due', subject: 'review/b', status: 'cancelled', cancelReason: 'review b withdrawn' },
        { kind: 'review-due', subject: 'review/a', status: 'cancelled', cancelReason: 'reviews closed' },
        { kind: 'escalation', subject: 'review/a', status: 'cancelled', cancelReason: 'case closed' },
      ]),
    );
    expect(listed.find((timer) => timer.kind === 'escalation')!.cancelledAt).toEqual(clock.now());
    const untouched = await inTransaction(dataSource, (manager) => timers.ofCase(manager, other));
    expect(untouched.map((timer) => timer.status)).toEqual(['scheduled']);
  });

  it('given a cancelled timer, when the same kind and subject is scheduled again, then a new timer is scheduled beside the cancelled one', async () => {
    const caseId = randomUUID();
    const request = { kind: 'reminder', caseId, subject: 'letter/9', dueAt: inOneHour() };
    const first = await scheduleCommitted(dataSource, request, clock.now());
    await inTransaction(dataSource, (manager) => timers.cancel(manager, { caseId }, 'answered', clock.now()));

    const second = await scheduleCommitted(dataSource, request, clock.now());

    expect(second).not.toBe(first);
    const listed = await inTransaction(dataSource, (manager) => timers.ofCase(manager, caseId));
    expect(listed.map((timer) => [timer.id, timer.status])).toEqual(
      expect.arrayContaining([
        [first, 'cancelled'],
        [second, 'scheduled'],
      ]),
    );
  });

  it('given timers of several cases, when overdue ones are asked for, then only scheduled timers due at that time count', async () => {
    const [late, onTime, cancelled] = [randomUUID(), randomUUID(), randomUUID()];
    const now = clock.now();
    const past = new Date(now.getTime() - 1);
    await scheduleCommitted(
      dataSource,
      { kind: 'review-due', caseId: late, subject: `${late}/r`, dueAt: past },
      now,
    );
    await scheduleCommitted(
      dataSource,
      { kind: 'reminder', caseId: late, subject: `${late}/m`, dueAt: now },
      now,
    );
    await scheduleCommitted(
      dataSource,
      { kind: 'review-due', caseId: onTime, subject: `${onTime}/r`, dueAt: inOneHour() },
      now,
    );
    await scheduleCommitted(
      dataSource,
      { kind: 'review-due', caseId: cancelled, subject: `${cancelled}/r`, dueAt: past },
      now,
    );
    await inTransaction(dataSource, (manager) =>
      timers.cancel(manager, { caseId: cancelled }, 'closed', now),
    );

    await inTransaction(dataSource, async (manager) => {
      const overdue = await timers.overdue(manager, [late, onTime, cancelled], now);
      expect(overdue.map((timer) => [timer.caseId, timer.kind])).toEqual([
        [late, 'review-due'],
        [late, 'reminder'],
      ]);
      const ids = await timers.overdueCaseIds(manager, now);
      expect(ids).toContain(late);
      expect(ids).not.toContain(onTime);
      expect(ids).not.toContain(cancelled);
      expect(await timers.overdueCaseIds(manager, now, ['escalation'])).not.toContain(late);
      expect(await timers.overdueCaseIds(manager, now, ['reminder'])).toContain(late);
      expect(await timers.overdue(manager, [], now)).toEqual([]);
    });
  });

  it('given a malformed request, when it is scheduled, then it is refused without naming the values', async () => {
    const caseId = randomUUID();
    const dueAt = inOneHour();
    await inTransaction(dataSource, async (manager) => {
      const schedule = (request: Record<string, unknown>) =>
        timers.schedule(manager, { kind: 'k', caseId, subject: 's', dueAt, ...request }, clock.now());
      await expect(schedule({ caseId: 'Nadia K.' })).rejects.toThrow('A timer case id is a UUID');
      await expect(schedule({ subject: '' })).rejects.toThrow(
        'A timer subject is a text of 1 to 500 characters',
      );
      await expect(schedule({ dueAt: new Date('no date') })).rejects.toThrow('A timer dueAt is a valid Date');
      await expect(schedule({ payload: ['Nadia K.'] })).rejects.toThrow('A timer payload is a JSON object');
    });
  });

  it('given two services with timers of their own, when each lists and cancels, then each sees only its own schema', async () => {
    const otherSource = await openTimersDataSource(database.url, testSchema('other_service'), 2);
    try {
      const caseId = randomUUID();
      await scheduleCommitted(
        dataSource,
        { kind: 'reminder', caseId, subject: 'x', dueAt: inOneHour() },
        clock.now(),
      );

      await inTransaction(otherSource, async (manager) => {
        expect(await timers.ofCase(manager, caseId)).toEqual([]);
        expect(await timers.cancel(manager, { caseId }, 'not mine', clock.now())).toBe(0);
      });
      const listed = await inTransaction(dataSource, (manager) => timers.ofCase(manager, caseId));
      expect(listed.map((timer) => timer.status)).toEqual(['scheduled']);
    } finally {
      await closeServiceDatabase(otherSource);
    }
  });
});
