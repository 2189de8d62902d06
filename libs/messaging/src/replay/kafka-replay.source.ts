import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin, type Consumer } from 'kafkajs';
import type { DeliveredMessage } from '../transport/event-transport';
import { kafkaLogCreator } from '../transport/kafka-logger.adapter';
import { toDeliveredMessage } from '../transport/kafka-message.mapper';
import { patchKafkajsIdleLoop } from '../transport/kafkajs-idle-loop.patch';
import { stderrTransportLogger, type TransportLogger } from '../transport/transport-logger';
import type { ReplayLog, ReplaySource } from './replay-source';

export interface KafkaReplaySourceOptions {
  brokers: string[];
  /** Default `reprisals-replay`. */
  clientId?: string;
  logger?: TransportLogger;
  /**
   * The namespace the services' transport prefixes topics with (NamespacedTransport), if any:
   * the topics read are `<namespace>.<topic>`, and messages are delivered under the contract's names.
   */
  namespace?: string;
  /**
   * A replay that receives nothing for this long while partitions are still short of their end
   * fails instead of waiting for ever (a broker gone, a partition without leader). Default 60 s.
   */
  stallTimeoutMs?: number;
}

/** One partition to read: from its first offset up to (not including) `end`. */
interface PartitionRange {
  topic: string;
  partition: number;
  low: bigint;
  end: bigint;
}

patchKafkajsIdleLoop();

/**
 * The Kafka topics, read from offset 0 to the end offsets they had when open() was called, by a
 * consumer group of the replay's own (`[<namespace>.]reprisals.replay.<id>`: fresh, committing
 * nothing, deleted by close()): the services' groups and their positions are left as they are.
 */
export class KafkaReplaySource implements ReplaySource {
  readonly description: string;

  constructor(private readonly options: KafkaReplaySourceOptions) {
    if (options.brokers.length === 0) throw new Error('KafkaReplaySource needs at least one broker address');
    const namespace = options.namespace ? ` (namespace ${options.namespace})` : '';
    this.description = `Kafka topics at ${options.brokers.join(',')}${namespace}`;
  }

  async open(topics: readonly string[]): Promise<ReplayLog> {
    const logger = this.options.logger ?? stderrTransportLogger;
    const kafka = new Kafka({
      clientId: this.options.clientId ?? 'reprisals-replay',
      brokers: this.options.brokers,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(logger),
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const prefix = this.options.namespace ? `${this.options.namespace}.` : '';
      const ranges = await endsOf(
        admin,
        topics.map((topic) => `${prefix}${topic}`),
      );
      return new KafkaReplayLog(kafka, admin, ranges, this.options.stallTimeoutMs ?? 60_000, prefix);
    } catch (error) {
      await admin.disconnect();
      throw error;
    }
  }
}

async function endsOf(admin: Admin, topics: readonly string[]): Promise<PartitionRange[]> {
  const existing = new Set(await admin.listTopics());
  const ranges: PartitionRange[] = [];
  for (const topic of [...new Set(topics)].sort()) {
    if (!existing.has(topic)) continue;
    for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
      ranges.push({ topic, partition, low: BigInt(low), end: BigInt(high) });
    }
  }
  return ranges.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

const partitionKey = (topic: string, partition: number): string => `${topic}|${partition}`;

class KafkaReplayLog implements ReplayLog {
  readonly total: number;
  readonly gaps: readonly string[];
  readonly notYetPublished = 0;
  private consumer: Consumer | undefined;
  private groupId: string | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly ranges: readonly PartitionRange[],
    private readonly stallTimeoutMs: number,
    private readonly prefix: string,
  ) {
    this.total = ranges.reduce((sum, range) => sum + Number(range.end - range.low), 0);
    this.gaps = ranges
      .filter((range) => range.low > 0n)
      .map(
        (range) =>
          `${range.topic} partition ${range.partition} starts at offset ${range.low} (earlier records were deleted)`,
      );
  }

  async replay(
    deliver: (message: DeliveredMessage) => Promise<void>,
    onProgress?: (replayed: number) => void,
  ): Promise<number> {
    if (this.consumer) throw new Error('This log is already being replayed');
    const ends = new Map(
      this.ranges
        .filter((range) => range.end > range.low)
        .map((range) => [partitionKey(range.topic, range.partition), range.end]),
    );
    if (ends.size === 0) return 0;
    const remaining = new Set(ends.keys());
    const topics = [
      ...new Set(this.ranges.filter((range) => range.end > range.low).map((range) => range.topic)),
    ];
    // Under the namespace, as the services' groups are: `<namespace>.reprisals.replay.<id>`.
    this.groupId = `${this.prefix}reprisals.replay.${randomUUID()}`;
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      maxWaitTimeInMs: 250,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    let delivered = 0;
    let settle!: { resolve: () => void; reject: (error: unknown) => void };
    const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    let over = false;
    let lastProgressAt = Date.now();
    const stop = (error?: unknown): void => {
      if (over) return;
      over = true;
      clearInterval(watchdog);
      if (error === undefined) settle.resolve();
      else settle.reject(error);
    };
    const watchdog = setInterval(() => {
      if (Date.now() - lastProgressAt > this.stallTimeoutMs)
        stop(
          new Error(
            `the replay received nothing for ${this.stallTimeoutMs} ms with ${remaining.size} partition(s) short of their end`,
          ),
        );
    }, 1_000);
    watchdog.unref();
    try {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently: 1,
        eachMessage: async ({ topic, partition, message }) => {
          if (over) return;
          lastProgressAt = Date.now();
          const key = partitionKey(topic, partition);
          const end = ends.get(key);
          const offset = BigInt(message.offset);
          // Written after the replay started: beyond the end it replays to.
          if (end === undefined || offset >= end) {
            this.finishPartition(remaining, key, topic, partition, stop);
            return;
          }
          try {
            const received = toDeliveredMessage(topic, partition, message);
            await deliver({ ...received, topic: topic.slice(this.prefix.length) });
          } catch (error) {
            stop(error);
            return;
          }
          delivered += 1;
          onProgress?.(delivered);
          if (offset + 1n >= end) this.finishPartition(remaining, key, topic, partition, stop);
        },
      });
      await finished;
      return delivered;
    } finally {
      stop();
      await consumer.disconnect().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.groupId) await this.admin.deleteGroups([this.groupId]).catch(() => undefined);
    await this.admin.disconnect();
  }

  /** A partition read to its end: its later records are none of this replay's business. */
  private finishPartition(
    remaining: Set<string>,
    key: string,
    topic: string,
    partition: number,
    stop: () => void,
  ): void {
    if (!remaining.delete(key)) return;
    this.consumer?.pause([{ topic, partitions: [partition] }]);
    if (remaining.size === 0) stop();
  }
}
