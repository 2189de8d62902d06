import { Logger } from '@nestjs/common';
import type { Clock } from '@reprisals/kernel';
import { isTransactionConflict } from '@reprisals/persistence';
import { toDueTimer } from '../timers/timer-row.mapper';
import { errorClassOf } from './error-class';
import type { TimerHandler, TimerUnit } from './timer-handler';
import { TimerLeaseStore } from './timer-lease.store';
import { schedulerTuning, type TimerLogger, type TimerSchedulerOptions } from './timer-scheduler.options';

/** Claim rounds of one fireDue() at most; what is left is fired by the next one. */
const MAX_ROUNDS_PER_RUN = 50;

type Firing =
  | { outcome: 'fired' | 'unhandled'; kind: string }
  | { outcome: 'skipped' }
  | { outcome: 'failed'; error: unknown };

/**
 * Fires due timers. Several processes may run one each on the same table: a timer is leased to
 * one of them (claimed with `FOR UPDATE SKIP LOCKED`), then fired in one transaction that locks
 * its row again and goes on only if it is still scheduled and still leased to this process.
 * The handler's writes commit with the `fired` mark, or not at all: the effect of a timer
 * happens at most once, and a failed attempt is tried again (at least once per attempt) until
 * `maxAttempts`. A process that dies holding leases delays its timers by `leaseMs` at most.
 *
 * ```ts
 * const scheduler = new TimerScheduler({
 *   dataSource, clock, owner: `verification-${process.pid}-${randomUUID()}`,
 *   handlers: { 'review-due': reviewDueHandler },
 *   transaction: (work) => outbox.run(work),
 * });
 * scheduler.start();        // on application bootstrap
 * await scheduler.stop();   // on shutdown
 * ```
 */
export class TimerScheduler<TUnit extends TimerUnit = TimerUnit> {
  private readonly clock: Clock;
  private readonly owner: string;
  private readonly handlers: Record<string, TimerHandler<TUnit>>;
  private readonly transaction: <T>(work: (unit: TUnit) => Promise<T>) => Promise<T>;
  private readonly logger: TimerLogger;
  private readonly tuning: ReturnType<typeof schedulerTuning>;
  private readonly store: TimerLeaseStore;
  /** The last fireDue() asked for: the next one starts after it. */
  private tail: Promise<unknown> = Promise.resolve();
  private interval: NodeJS.Timeout | undefined;
  private polling = false;
  private pollAgain = false;
  private stopping = false;

  constructor(options: TimerSchedulerOptions<TUnit>) {
    this.tuning = schedulerTuning(options);
    if (typeof options.handlers !== 'object' || options.handlers === null)
      throw new TypeError('TimerScheduler option handlers maps timer kinds to handlers');
    const dataSource = options.dataSource;
    this.clock = options.clock;
    this.owner = options.owner;
    this.handlers = options.handlers;
    this.transaction =
      options.transaction ??
      (<T>(work: (unit: TUnit) => Promise<T>) =>
        dataSource.transaction('READ COMMITTED', (manager) => work({ manager } as TUnit)));
    this.logger = options.logger ?? new Logger('DurableTimers');
    this.store = new TimerLeaseStore(dataSource, options.owner);
  }

  /** Fires what is due right away (timers that fell due while every process was down), then polls; the interval is unref'd. */
  start(): void {
    if (this.interval) return;
    this.stopping = false;
    this.interval = setInterval(() => this.poll(false), this.tuning.pollIntervalMs);
    this.interval.unref();
    this.poll(true);
  }

  /** Stops polling and waits for a firing in progress to finish; timers claimed but not begun are released. */
  async stop(): Promise<void> {
    clearInterval(this.interval);
    this.interval = undefined;
    this.stopping = true;
    try {
      await this.tail;
    } finally {
      this.stopping = false;
    }
  }

  /** Wakes the loop now (after a command scheduled something due immediately). Does nothing unless started. */
  kick(): void {
    if (this.interval) this.poll(true);
  }

  /**
   * Claims and fires every timer due at clock.now(); returns how many fired. Never runs twice
   * concurrently inside one instance: a call made while one runs starts when it ends.
   */
  fireDue(): Promise<number> {
    const run = this.tail.then(() => this.fireAllDue());
    this.tail = run.catch(() => undefined);
    return run;
  }

  private poll(kicked: boolean): void {
    if (this.polling) {
      this.pollAgain ||= kicked;
      return;
    }
    this.polling = true;
    void this.fireDue()
      .catch((error: unknown) =>
        this.logger.warn({ event: 'durable-timers.poll-failed', error: errorClassOf(error) }),
      )
      .finally(() => {
        this.polling = false;
        if (this.pollAgain && this.interval) {
          this.pollAgain = false;
          this.poll(true);
        }
      });
  }

  private async fireAllDue(): Promise<number> {
    let fired = 0;
    for (let round = 0; round < MAX_ROUNDS_PER_RUN && !this.stopping; round += 1) {
      const now = this.clock.now();
      const claimed = await this.store.claim(
        now,
        new Date(now.getTime() + this.tuning.leaseMs),
        this.tuning.batchSize,
      );
      if (claimed.length === 0) break;
      let next = 0;
      try {
        for (; next < claimed.length && !this.stopping; next += 1) {
          if (await this.fireOne(claimed[next]!)) fired += 1;
        }
      } finally {
        await this.releaseUnused(claimed.slice(next));
      }
    }
    return fired;
  }

  /** Fires one claimed timer; true when it fired. */
  private async fireOne(id: string): Promise<boolean> {
    const firing = await this.transaction<Firing>(async (unit) => {
      const row = await this.store.lockForFiring(unit.manager, id);
      if (!row || row.status !== 'scheduled' || row.lease_owner !== this.owner) return { outcome: 'skipped' };
      const handler = Object.hasOwn(this.handlers, row.kind) ? this.handlers[row.kind] : undefined;
      if (!handler) {
        await this.store.markUnhandled(unit.manager, id);
        return { outcome: 'unhandled', kind: row.kind };
      }
      const now = this.clock.now();
      // Fired before the handler runs: a handler that schedules the same kind and subject again
      // gets a new timer. Its rollback takes the mark away with everything else.
      await this.store.markFired(unit.manager, id, now);
      await handler.fire(toDueTimer(row), unit, now);
      return { outcome: 'fired', kind: row.kind };
    }).catch((error: unknown): Firing => ({ outcome: 'failed', error }));

    switch (firing.outcome) {
      case 'fired':
        this.logger.log?.({ event: 'durable-timers.fired', timerId: id, kind: firing.kind });
        return true;
      case 'unhandled':
        this.logger.warn({ event: 'durable-timers.no-handler', timerId: id, kind: firing.kind });
        return false;
      case 'skipped':
        return false;
      case 'failed':
        // A deadlock or serialization failure says nothing about the timer: it is not an attempt,
        // the lease is given back and the timer fires at the next run.
        if (isTransactionConflict(firing.error)) {
          await this.releaseUnused([id]);
          this.logger.log?.({ event: 'durable-timers.conflict', timerId: id });
          return false;
        }
        await this.recordFailure(id, firing.error);
        return false;
    }
  }

  private async recordFailure(id: string, error: unknown): Promise<void> {
    const errorClass = errorClassOf(error);
    const retryAt = new Date(this.clock.now().getTime() + this.tuning.retryDelayMs);
    const recorded = await this.store.recordFailure(id, errorClass, retryAt, this.tuning.maxAttempts);
    if (!recorded) return;
    this.logger.warn({
      event: recorded.status === 'failed' ? 'durable-timers.gave-up' : 'durable-timers.attempt-failed',
      timerId: id,
      kind: recorded.kind,
      attempts: recorded.attempts,
      error: errorClass,
    });
  }

  private async releaseUnused(ids: string[]): Promise<void> {
    try {
      await this.store.release(ids);
    } catch (error) {
      // Their leases expire on their own.
      this.logger.warn({ event: 'durable-timers.release-failed', error: errorClassOf(error) });
    }
  }
}
