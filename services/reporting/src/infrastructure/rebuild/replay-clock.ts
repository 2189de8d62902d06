import type { Clock } from '@reprisals/kernel';

/** The CloudEvents `time` of an event, as the Kafka binary binding carries it. */
const CE_TIME_HEADER = 'ce_time';

/**
 * The time a replayed event is projected at: the time it occurred. A rebuild done today then
 * records each row when its event happened, as the live projection did (within the moment it took
 * to arrive), instead of stamping every row with the time of the rebuild.
 */
export class ReplayClock implements Clock {
  private current: Date;

  constructor(private readonly fallback: Clock) {
    this.current = fallback.now();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  /** Moves to the time the message's envelope carries (or the fallback clock's now). */
  moveTo(headers: Readonly<Record<string, string>>): void {
    const stamped = headers[CE_TIME_HEADER];
    const time = stamped ? new Date(stamped) : undefined;
    this.current = time && !Number.isNaN(time.getTime()) ? time : this.fallback.now();
  }
}
