import type { DataSource } from 'typeorm';
import type { Clock } from '@reprisals/kernel';
import type { TimerHandler, TimerUnit } from './timer-handler';

/** Where the scheduler reports; messages carry timer ids, kinds and error class names, never payloads or subjects. */
export interface TimerLogger {
  warn(message: Record<string, unknown>): void;
  log?(message: Record<string, unknown>): void;
}

export interface TimerSchedulerOptions<TUnit extends TimerUnit = TimerUnit> {
  /** The service's own data source (createServiceDataSource), whose migrations include durableTimersMigration. */
  dataSource: DataSource;
  /** Says when timers are due; every time the scheduler writes comes from it, never from SQL now(). */
  clock: Clock;
  /** Identifies this process in leases (e.g. `${service}-${pid}-${random}`): unique per scheduler instance. */
  owner: string;
  /** By timer kind; a due timer of a kind without handler is marked failed and logged. */
  handlers: Record<string, TimerHandler<TUnit>>;
  /**
   * Runs work in one transaction; defaults to
   * `dataSource.transaction('READ COMMITTED', (manager) => work({ manager }))`. The verification
   * service passes its transactional outbox here so that the events a handler records commit with
   * the firing. Required when TUnit carries more than `manager`.
   */
  transaction?: <T>(work: (unit: TUnit) => Promise<T>) => Promise<T>;
  /** How long a claim keeps other processes off a timer. Default 60 000 ms (on the clock). */
  leaseMs?: number;
  /** Timers claimed at once. Default 20. */
  batchSize?: number;
  /** Attempts before a timer's status becomes `failed`. Default 5. */
  maxAttempts?: number;
  /** A failed attempt is not claimed again before now + retryDelayMs (on the clock). Default 60 000. */
  retryDelayMs?: number;
  /** How often the loop started by start() looks for due timers (real time). Default 1 000 ms. */
  pollIntervalMs?: number;
  /** Default: a Nest Logger with the context `DurableTimers`. */
  logger?: TimerLogger;
}

/** The defaults of TimerSchedulerOptions. */
export const TIMER_SCHEDULER_DEFAULTS = {
  leaseMs: 60_000,
  batchSize: 20,
  maxAttempts: 5,
  retryDelayMs: 60_000,
  pollIntervalMs: 1_000,
} as const;

type Tuning = { -readonly [K in keyof typeof TIMER_SCHEDULER_DEFAULTS]: number };

/** The numeric options with their defaults, checked: positive integers (the retry delay may be 0). */
export function schedulerTuning(options: TimerSchedulerOptions<TimerUnit>): Tuning {
  const tuning: Tuning = {
    leaseMs: options.leaseMs ?? TIMER_SCHEDULER_DEFAULTS.leaseMs,
    batchSize: options.batchSize ?? TIMER_SCHEDULER_DEFAULTS.batchSize,
    maxAttempts: options.maxAttempts ?? TIMER_SCHEDULER_DEFAULTS.maxAttempts,
    retryDelayMs: options.retryDelayMs ?? TIMER_SCHEDULER_DEFAULTS.retryDelayMs,
    pollIntervalMs: options.pollIntervalMs ?? TIMER_SCHEDULER_DEFAULTS.pollIntervalMs,
  };
  for (const [name, value] of Object.entries(tuning)) {
    const least = name === 'retryDelayMs' ? 0 : 1;
    if (!Number.isSafeInteger(value) || value < least)
      throw new TypeError(`TimerScheduler option ${name} is an integer of at least ${least}`);
  }
  if (typeof options.owner !== 'string' || options.owner.length === 0 || options.owner.length > 200)
    throw new TypeError('TimerScheduler option owner is a text of 1 to 200 characters');
  return tuning;
}
