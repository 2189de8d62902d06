import type {
  Admin,
  Consumer,
  ConsumerCrashEvent,
  ConsumerGroupJoinEvent,
  EachMessagePayload,
  Kafka,
} from 'kafkajs';
import { abortableDelay, backoffDelayMs, withTimeout, type BackoffPolicy } from './async-timing';
import type { SubscriptionOptions } from './event-transport';
import { nextOffset, toDeliveredMessage } from './kafka-message.mapper';
import { errorKind, type TransportLogger } from './transport-logger';

export interface KafkaConsumerSettings {
  /**
   * The broker drops a member it has not heard from for this long. Also how long a consumer that
   * kafkajs restarted (with a new member id) waits after a broker restart: the coordinator
   * reloads the group with the old member and rebalances only once that member expired.
   */
  sessionTimeoutMs: number;
  /** A third of the session timeout at most; also sent while a handler runs. */
  heartbeatIntervalMs: number;
  /** How long a rebalance waits for members to rejoin, hence for in-flight handlers. */
  rebalanceTimeoutMs: number;
  /** Longest fetch long-poll; also bounds how late a paused partition is fetched again and how long close() waits. */
  maxWaitTimeMs: number;
  partitionsConsumedConcurrently: number;
  /** subscribe() rejects when the consumer has not joined its group by then. */
  joinTimeoutMs: number;
  /** Redelivery of a message whose handler rejected. */
  handlerRetry: BackoffPolicy;
  /** Recreating a consumer that kafkajs gave up on. */
  recoveryBackoff: BackoffPolicy;
  /**
   * kafkajs's own decision to restart a crashed consumer (default: when the error is retriable).
   * When it declines, the transport recreates the consumer itself.
   */
  restartOnFailure?: (error: Error) => Promise<boolean>;
}

interface Dependencies {
  kafka: Kafka;
  admin: () => Promise<Admin>;
  logger: TransportLogger;
  settings: KafkaConsumerSettings;
}

const partitionKey = (topic: string, partition: number): string => `${topic}|${partition}`;

/**
 * One consumer group member for one subscribe() call.
 *
 * Offsets: autoCommit is off and the offset of a message is committed right after its handler
 * resolved. With autoCommit on, kafkajs resolves the offset of every message whose eachMessage
 * returned and commits it at the end of the batch, including a message whose handler rejected
 * and which we only want to read again: a crash before the rewind is applied would lose it.
 * Throwing from eachMessage instead makes kafkajs restart every fetcher (all partitions) and,
 * after a few failures, the whole consumer. So a rejected message is handled here: its partition
 * is paused, the consumer seeks back to it, and a timer resumes the partition after an
 * exponential backoff. Nothing past it is committed, other partitions keep flowing, and later
 * messages of the partition (so of the same key) wait for it.
 *
 * Recovery: kafkajs restarts a crashed consumer itself when the error is retriable (CRASH with
 * restart=true); when it gives up (restart=false), this class recreates the consumer with backoff.
 */
export class KafkaSubscription {
  private consumer?: Consumer;
  private generation = 0;
  private stopping = false;
  private stopped?: Promise<void>;
  private recovery?: Promise<void>;
  private crashedWhileRecovering = false;
  private readonly stopSignal = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly resumeTimers = new Set<NodeJS.Timeout>();
  private readonly failures = new Map<string, { offset: string; attempts: number }>();
  /** Where a group without a committed offset starts when fromBeginning is false (see pinStartOffsets). */
  private readonly startOffsets = new Map<string, string>();
  private joined!: () => void;
  private readonly firstJoin = new Promise<void>((resolve) => (this.joined = resolve));

  constructor(
    private readonly options: SubscriptionOptions,
    private readonly deps: Dependencies,
  ) {}

  get group(): string {
    return this.options.group;
  }

  /** Resolves once the consumer has joined its group and received its partitions. */
  async start(): Promise<void> {
    const started = Date.now();
    try {
      if (!this.options.fromBeginning) await this.pinStartOffsets();
      await this.startConsumer();
      await withTimeout(
        this.firstJoin,
        this.deps.settings.joinTimeoutMs,
        `joining consumer group ${this.group}`,
      );
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.deps.logger.info(
      { transport: 'kafka', group: this.group, topics: this.options.topics, joinMs: Date.now() - started },
      'consumer joined its group',
    );
  }

  /** Lets in-flight handlers finish and commit, then leaves the group. Idempotent. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.stopping = true;
      this.stopSignal.abort();
      for (const timer of this.resumeTimers) clearTimeout(timer);
      this.resumeTimers.clear();
      while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      await this.recovery;
      await this.disconnect(this.consumer);
    })();
    return this.stopped;
  }

  /**
   * kafkajs decides where a group without a committed offset starts at its first fetch, after
   * the join: a message published right after subscribe() resolved could already be "before the
   * end" and be skipped. So the end offsets are read before joining and the consumer seeks to
   * them on join: whatever is published once subscribe() started is received.
   */
  private async pinStartOffsets(): Promise<void> {
    const admin = await this.deps.admin();
    const committed = await admin.fetchOffsets({ groupId: this.group, topics: this.options.topics });
    for (const { topic, partitions } of committed) {
      if (partitions.every(({ offset }) => Number(offset) >= 0)) continue;
      const ends = await admin.fetchTopicOffsets(topic);
      for (const { partition, offset } of partitions) {
        const end = ends.find((entry) => entry.partition === partition);
        if (Number(offset) < 0 && end) this.startOffsets.set(partitionKey(topic, partition), end.high);
      }
    }
  }

  private async startConsumer(): Promise<void> {
    const { settings } = this.deps;
    const generation = ++this.generation;
    const consumer = this.deps.kafka.consumer({
      groupId: this.group,
      sessionTimeout: settings.sessionTimeoutMs,
      heartbeatInterval: settings.heartbeatIntervalMs,
      rebalanceTimeout: settings.rebalanceTimeoutMs,
      maxWaitTimeInMs: settings.maxWaitTimeMs,
      allowAutoTopicCreation: false,
      retry: {
        retries: 5,
        ...(settings.restartOnFailure ? { restartOnFailure: settings.restartOnFailure } : {}),
      },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, (event: ConsumerGroupJoinEvent) => {
      if (generation === this.generation) this.onJoin(consumer, event);
    });
    consumer.on(consumer.events.CRASH, (event: ConsumerCrashEvent) => {
      if (generation === this.generation) this.onCrash(event);
    });
    try {
      await consumer.connect();
      await consumer.subscribe({
        topics: this.options.topics,
        fromBeginning: this.options.fromBeginning ?? false,
      });
      await consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently,
        eachMessage: (payload) => this.onMessage(consumer, payload),
      });
    } catch (error) {
      await this.disconnect(consumer);
      throw error;
    }
  }

  /** Runs synchronously inside kafkajs's join, before the first fetch of the new generation. */
  private onJoin(consumer: Consumer, { payload }: ConsumerGroupJoinEvent): void {
    for (const [topic, partitions] of Object.entries(payload.memberAssignment)) {
      for (const partition of partitions) {
        const offset = this.startOffsets.get(partitionKey(topic, partition));
        if (offset !== undefined) consumer.seek({ topic, partition, offset });
      }
    }
    this.joined();
  }

  private onMessage(consumer: Consumer, payload: EachMessagePayload): Promise<void> {
    if (this.stopping) {
      // Stopping: leave the message for the next member (nothing past it is committed).
      this.rewind(consumer, payload);
      return Promise.resolve();
    }
    const handling = this.handle(consumer, payload);
    this.inFlight.add(handling);
    const forget = (): void => {
      this.inFlight.delete(handling);
    };
    handling.then(forget, forget);
    return handling;
  }

  private async handle(consumer: Consumer, payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message } = payload;
    const key = partitionKey(topic, partition);
    // kafkajs heartbeats only between messages: keep the membership alive while a handler runs,
    // so a slow handler does not cost a rebalance (and the session timeout can stay short).
    const heartbeats = setInterval(() => {
      payload.heartbeat().catch(() => undefined);
    }, this.deps.settings.heartbeatIntervalMs);
    try {
      await this.options.handler(toDeliveredMessage(topic, partition, message));
    } catch (error) {
      const previous = this.failures.get(key);
      const attempts = previous?.offset === message.offset ? previous.attempts + 1 : 1;
      this.failures.set(key, { offset: message.offset, attempts });
      const retryInMs = backoffDelayMs(attempts, this.deps.settings.handlerRetry);
      this.deps.logger.warn(
        {
          transport: 'kafka',
          group: this.group,
          topic,
          partition,
          offset: message.offset,
          attempts,
          retryInMs,
          ...errorKind(error),
        },
        'handler rejected a message; pausing its partition and delivering it again after a backoff',
      );
      const resume = this.rewind(consumer, payload);
      if (!this.stopping) {
        const timer = setTimeout(() => {
          this.resumeTimers.delete(timer);
          resume();
        }, retryInMs);
        this.resumeTimers.add(timer);
      }
      return;
    } finally {
      clearInterval(heartbeats);
    }
    if (this.failures.get(key)?.offset === message.offset) this.failures.delete(key);
    this.startOffsets.delete(key);
    // A failure here reaches kafkajs, which rejoins or restarts; the message is then read again
    // (handled twice: consumers are idempotent through their inbox).
    await consumer.commitOffsets([{ topic, partition, offset: nextOffset(message.offset) }]);
  }

  /**
   * Pauses the partition and seeks back to the message: kafkajs stops the batch there and reads
   * the message again once the partition is resumed. Returns the resume function.
   */
  private rewind(consumer: Consumer, payload: EachMessagePayload): () => void {
    const { topic, partition, message } = payload;
    const resume = payload.pause();
    consumer.seek({ topic, partition, offset: message.offset });
    return () => {
      try {
        resume();
      } catch {
        // The consumer was replaced meanwhile: the new one starts from the committed offset.
      }
    };
  }

  private onCrash({ payload }: ConsumerCrashEvent): void {
    const { error, restart } = payload;
    this.deps.logger.error(
      { transport: 'kafka', group: this.group, restart, error: `${error.name}: ${error.message}` },
      restart
        ? 'consumer crashed; kafkajs restarts it'
        : 'consumer crashed and kafkajs gave up; recreating it',
    );
    if (restart || this.stopping) return;
    if (this.recovery) {
      this.crashedWhileRecovering = true;
      return;
    }
    this.recovery = this.recover();
  }

  /** Clears `recovery` itself, in the tick it decides to stop. */
  private async recover(): Promise<void> {
    const { recoveryBackoff } = this.deps.settings;
    for (let attempt = 1; !this.stopping; attempt++) {
      await abortableDelay(backoffDelayMs(attempt, recoveryBackoff), this.stopSignal.signal);
      if (this.stopping) break;
      this.crashedWhileRecovering = false;
      try {
        await this.disconnect(this.consumer);
        await this.startConsumer();
        if (!this.crashedWhileRecovering) {
          // Cleared in the same tick as the check: a crash from now on starts a new recovery.
          this.recovery = undefined;
          this.deps.logger.info({ transport: 'kafka', group: this.group, attempt }, 'consumer recreated');
          return;
        }
      } catch (error) {
        this.deps.logger.warn(
          {
            transport: 'kafka',
            group: this.group,
            attempt,
            error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          },
          'could not recreate the consumer; trying again',
        );
      }
    }
    this.recovery = undefined;
  }

  private async disconnect(consumer: Consumer | undefined): Promise<void> {
    try {
      await consumer?.disconnect();
    } catch (error) {
      this.deps.logger.warn(
        { transport: 'kafka', group: this.group, error: error instanceof Error ? error.name : String(error) },
        'consumer did not disconnect cleanly',
      );
    }
  }
}
