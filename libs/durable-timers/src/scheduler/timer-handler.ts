import type { EntityManager } from 'typeorm';
import type { DueTimer } from '../timers/timer.types';

/** What a handler works through: the firing transaction's manager, and whatever the scheduler's `transaction` adds (an outbox's `record`, say). */
export interface TimerUnit {
  readonly manager: EntityManager;
}

/** Fires the timers of one kind. */
export interface TimerHandler<TUnit extends TimerUnit = TimerUnit> {
  /**
   * Runs in the firing transaction: its writes (and the events it records in the unit) commit
   * together with the timer's `fired` mark, or not at all. Throwing rolls all of it back; the
   * timer is tried again after the retry delay, up to the scheduler's maximum of attempts.
   * The timer is already marked fired when this runs, so scheduling the same kind and subject
   * again (a recurring reminder) schedules a new timer.
   */
  fire(timer: DueTimer, unit: TUnit, now: Date): Promise<void>;
}
