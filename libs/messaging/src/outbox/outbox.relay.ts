import type { DataSource } from 'typeorm';
import type { EventTransport, TransportMessage } from '../transport/event-transport';
import { describeError, silentMessagingLogger, type MessagingLogger } from '../messaging-logger';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface OutboxRelayOptions {
  service: string;
  dataSource: DataSource;
  transport: EventTransport;
  logger?: MessagingLogger;
  batchSize?: number;
  /** How often the relay looks for rows when nobody woke it up. */
  pollIntervalMs?: number;
  maxBackoffMs?: number;
}

/**
 * Publishes outbox rows in commit order and marks them published in the same
 * transaction that read them. If the process dies after the broker acknowledged
 * but before the commit, the rows are published again on restart: delivery is
 * at-least-once and consumers deduplicate through their inbox.
 *
 * Hand-written because no maintained library pairs a TypeORM outbox with an
 * arbitrary transport; it is the one place that moves rows to the wire.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private kicked = false;
  private readonly logger: MessagingLogger;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly lockKey: string;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? silentMessagingLogger;
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    const schema = (options.dataSource.options as { schema?: string }).schema ?? 'public';
    this.lockKey = `outbox-relay:${schema}`;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Wakes the relay now instead of at its next poll. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  /** Stops the loop after a last attempt to publish what is pending. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop;
    try {
      await this.drain();
    } catch (error) {
      this.logger.warn({ error: describeError(error) }, 'outbox: final flush failed');
    }
  }

  /** Publishes until nothing is pending. Returns how many messages were published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < this.batchSize) return total;
    }
  }

  /** Number of rows not yet published: for health and tests. */
  async pending(): Promise<number> {
    return this.options.dataSource
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder('message')
      .where('message.publishedAt IS NULL')
      .getCount();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      this.kicked = false;
      try {
        const published = await this.drain();
        if (published > 0) this.logger.info({ published }, 'outbox: published');
        failures = 0;
      } catch (error) {
        failures += 1;
        this.logger.warn({ failures, error: describeError(error) }, 'outbox: publish failed, will retry');
      }
      if (!this.running) break;
      const delay =
        failures === 0 ? this.pollIntervalMs : Math.min(this.maxBackoffMs, 100 * 2 ** Math.min(failures, 10));
      await this.idle(delay);
    }
  }

  private idle(ms: number): Promise<void> {
    if (this.kicked || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = finish;
    });
  }

  private async publishBatch(): Promise<number> {
    let attempted: OutboxMessageEntity[] = [];
    try {
      return await this.options.dataSource.transaction(async (manager) => {
        const lock = await manager.query<Array<{ locked: boolean }>>(
          'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
          [this.lockKey],
        );
        if (!lock[0]?.locked) return 0;
        const repository = manager.getRepository(OutboxMessageEntity);
        const rows = await repository
          .createQueryBuilder('message')
          .where('message.publishedAt IS NULL')
          .orderBy('message.seq', 'ASC')
          .limit(this.batchSize)
          .getMany();
        if (rows.length === 0) return 0;
        attempted = rows;
        await this.options.transport.publish(rows.map(toTransportMessage));
        await repository
          .createQueryBuilder()
          .update()
          .set({ publishedAt: () => 'now()', publishAttempts: () => 'publish_attempts + 1', lastError: null })
          .whereInIds(rows.map((row) => row.seq))
          .execute();
        return rows.length;
      });
    } catch (error) {
      if (attempted.length > 0) await this.recordFailure(attempted, error);
      throw error;
    }
  }

  private async recordFailure(rows: OutboxMessageEntity[], error: unknown): Promise<void> {
    try {
      await this.options.dataSource
        .getRepository(OutboxMessageEntity)
        .createQueryBuilder()
        .update()
        .set({ publishAttempts: () => 'publish_attempts + 1', lastError: describeError(error) })
        .whereInIds(rows.map((row) => row.seq))
        .execute();
    } catch {
      // The database itself is unavailable: the next attempt will find the rows unchanged.
    }
  }
}

function toTransportMessage(row: OutboxMessageEntity): TransportMessage {
  return { topic: row.topic, key: row.messageKey, headers: row.headers, value: row.payload };
}
