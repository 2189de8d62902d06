import { SystemClock, type Clock } from '@reprisals/kernel';

/**
 * The clock of a demonstration: the system's time plus an offset that an admin moves, so that
 * cases, deadlines and reminders of past reporting periods happen at their dates. Every service
 * of the process reads it, and their durable timers fire by it.
 */
export class DemoClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly system: Clock = new SystemClock()) {}

  now(): Date {
    return new Date(this.system.now().getTime() + this.offsetMs);
  }

  /** Moves the clock to `to` (earlier or later), or back to the system's time when null. */
  set(to: Date | null): void {
    this.offsetMs = to === null ? 0 : to.getTime() - this.system.now().getTime();
  }

  /** How far the clock is from the system's time, in milliseconds (negative: in the past). */
  offset(): number {
    return this.offsetMs;
  }
}
