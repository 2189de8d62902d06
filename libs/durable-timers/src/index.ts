/**
 * @reprisals/durable-timers: timers kept in the service's PostgreSQL schema, scheduled and
 * cancelled in the caller's transaction, fired by a scheduler that several processes may run at
 * once, on an injected clock (review dates, escalation delays, approval waits, reply reminders).
 *
 * ```ts
 * // data source
 * migrations: [...SERVICE_MIGRATIONS, durableTimersMigration(1767225708000)],
 * // in a command's transaction
 * await timers.schedule(manager, { kind: 'review-due', caseId, subject: reviewId, dueAt }, clock.now());
 * await timers.cancel(manager, { caseId, kind: 'review-due' }, 'review completed', clock.now());
 * // once per process
 * const scheduler = new TimerScheduler({ dataSource, clock, owner, handlers, transaction: (work) => outbox.run(work) });
 * scheduler.start();
 * await scheduler.stop();
 * ```
 */
export { DurableTimers } from './timers/durable-timers';
export type {
  DueTimer,
  TimerCancellation,
  TimerChange,
  TimerRequest,
  TimerStatus,
  TimerView,
} from './timers/timer.types';
export { TimerScheduler } from './scheduler/timer-scheduler';
export type { TimerHandler, TimerUnit } from './scheduler/timer-handler';
export {
  TIMER_SCHEDULER_DEFAULTS,
  type TimerLogger,
  type TimerSchedulerOptions,
} from './scheduler/timer-scheduler.options';
export { NO_TIMER_HANDLER } from './scheduler/timer-lease.store';
export { DURABLE_TIMER_TABLE, durableTimersMigration } from './migrations/durable-timers.migration';
