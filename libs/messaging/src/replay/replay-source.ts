import type { DeliveredMessage } from '../transport/event-transport';

/**
 * The retained log of the events, read again from the beginning: to rebuild a service's
 * projections in fresh tables. Two adapters: the Kafka topics (distributed mode) and the outbox
 * tables the services keep (standalone mode, where the in-process transport delivers from them).
 *
 * ```ts
 * const log = await source.open(consumer.topics());   // the end is fixed now
 * await log.replay((message) => consumer.receive(message).then(() => undefined));
 * await log.close();
 * ```
 */
export interface ReplaySource {
  /** What is read, for an operator: no address with credentials, no data. */
  readonly description: string;
  /**
   * Fixes the end of the log of `topics` as it is now: a replay stops there, whatever is written
   * after. Topics nobody ever wrote to are empty.
   */
  open(topics: readonly string[]): Promise<ReplayLog>;
}

export interface ReplayLog {
  /** How many messages lie between the beginning and the end fixed by open(). */
  readonly total: number;
  /**
   * Parts of the log that cannot be read from the beginning (a Kafka partition whose first
   * records were deleted, an outbox table that does not exist): a replay of them misses events.
   */
  readonly gaps: readonly string[];
  /** Messages written but not yet in the log (outbox rows not yet published): not replayed. */
  readonly notYetPublished: number;
  /**
   * Hands every message from the beginning to the end to `deliver`, one at a time, each key's in
   * the order of the log, and resolves to how many it delivered. A `deliver` that rejects stops
   * the replay, which rejects with that error. `onProgress` is told the count after each one.
   */
  replay(
    deliver: (message: DeliveredMessage) => Promise<void>,
    onProgress?: (replayed: number) => void,
  ): Promise<number>;
  /** Lets go of what open() took (connections, a consumer group). */
  close(): Promise<void>;
}
