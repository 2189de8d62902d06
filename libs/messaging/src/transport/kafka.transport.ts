import { Kafka, logLevel, Partitioners, type Admin, type Producer } from 'kafkajs';
import { abortableDelay, withTimeout } from './async-timing';
import {
  deadLetterTopicOf,
  type EventTransport,
  type SubscriptionOptions,
  type TransportHealth,
  type TransportMessage,
} from './event-transport';
import { kafkaLogCreator } from './kafka-logger.adapter';
import { toTopicMessages } from './kafka-message.mapper';
import { patchKafkajsIdleLoop } from './kafkajs-idle-loop.patch';
import { KafkaSubscription, type KafkaConsumerSettings } from './kafka-subscription';
import { OrderedQueue } from './ordered-queue';
import { PublishFailedError } from './publish-failed.error';
import { TransportClosedError } from './transport-closed.error';
import { stderrTransportLogger, type TransportLogger } from './transport-logger';

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  logger?: TransportLogger;
  /** Partitions of the topics (and dead-letter topics) ensureTopics creates. Default 3. */
  partitions?: number;
  /** health() answers "down" when the cluster does not answer within this time. Default 2 s. */
  healthTimeoutMs?: number;
  /** TCP connect timeout. Default 3 s. */
  connectionTimeoutMs?: number;
  /** Retries of the kafkajs client (connections, requests, sends) before an operation fails. */
  clientRetry?: { retries?: number; initialRetryTimeMs?: number; maxRetryTimeMs?: number };
  consumer?: Partial<KafkaConsumerSettings>;
}

const DEFAULT_CONSUMER: KafkaConsumerSettings = {
  sessionTimeoutMs: 10_000,
  heartbeatIntervalMs: 1_000,
  rebalanceTimeoutMs: 60_000,
  maxWaitTimeMs: 1_000,
  partitionsConsumedConcurrently: 3,
  joinTimeoutMs: 90_000,
  handlerRetry: { initialDelayMs: 100, maxDelayMs: 5_000 },
  recoveryBackoff: { initialDelayMs: 500, maxDelayMs: 30_000 },
};

const LEADERS_TIMEOUT_MS = 15_000;

patchKafkajsIdleLoop();

/**
 * Distributed mode: messages go through Apache Kafka (kafkajs is used only in this folder).
 *
 * - publish sends one batch (grouped by topic, key = message key, so one case's events share a
 *   partition) with the idempotent producer and acks from all in-sync replicas, and resolves
 *   once the broker acknowledged it. Calls are sent one after another in call order; when one
 *   fails, those queued behind it fail too, so a key's messages are never accepted out of order.
 *   The producer does not create topics: call ensureTopics first.
 * - subscribe starts one consumer (one group member) per call; see KafkaSubscription for
 *   offsets, redelivery and recovery.
 */
export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;

  private readonly kafka: Kafka;
  private readonly healthKafka: Kafka;
  private readonly logger: TransportLogger;
  private readonly partitions: number;
  private readonly healthTimeoutMs: number;
  private readonly consumerSettings: KafkaConsumerSettings;
  private readonly publishQueue = new OrderedQueue();
  private readonly subscriptions: KafkaSubscription[] = [];
  private producer?: Promise<Producer>;
  private admin?: Promise<Admin>;
  private healthAdmin?: Promise<Admin>;
  private closing?: Promise<void>;

  constructor(options: KafkaTransportOptions) {
    if (options.brokers.length === 0) throw new Error('KafkaTransport needs at least one broker address');
    this.logger = options.logger ?? stderrTransportLogger;
    this.partitions = options.partitions ?? 3;
    this.healthTimeoutMs = options.healthTimeoutMs ?? 2_000;
    this.consumerSettings = { ...DEFAULT_CONSUMER, ...options.consumer };
    const connectionTimeout = options.connectionTimeoutMs ?? 3_000;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(this.logger),
      retry: {
        retries: options.clientRetry?.retries ?? 5,
        initialRetryTime: options.clientRetry?.initialRetryTimeMs ?? 200,
        maxRetryTime: options.clientRetry?.maxRetryTimeMs ?? 5_000,
      },
    });
    // A separate client without retries, so health() answers within its timeout.
    this.healthKafka = new Kafka({
      clientId: `${options.clientId}-health`,
      brokers: options.brokers,
      connectionTimeout: Math.min(connectionTimeout, this.healthTimeoutMs),
      requestTimeout: this.healthTimeoutMs,
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    });
  }

  publish(messages: TransportMessage[]): Promise<void> {
    if (this.closing) return Promise.reject(new TransportClosedError(this.kind));
    if (messages.length === 0) return Promise.resolve();
    return this.publishQueue.run(() => this.send(messages));
  }

  async subscribe(options: SubscriptionOptions): Promise<void> {
    this.assertOpen();
    if (options.topics.length === 0) throw new Error('subscribe needs at least one topic');
    const subscription = new KafkaSubscription(options, {
      kafka: this.kafka,
      admin: () => this.connectedAdmin(),
      logger: this.logger,
      settings: this.consumerSettings,
    });
    this.subscriptions.push(subscription);
    try {
      await subscription.start();
    } catch (error) {
      this.subscriptions.splice(this.subscriptions.indexOf(subscription), 1);
      throw error;
    }
  }

  /**
   * Creates each topic and its dead-letter topic (`<topic>.dlq`) unless they exist. Event topics
   * keep their records for ever (`retention.ms=-1`): they are the log reporting's projections are
   * rebuilt from. Dead-letter topics keep the broker's default retention.
   */
  async ensureTopics(topics: string[]): Promise<void> {
    this.assertOpen();
    const names = [
      ...new Set(
        topics.flatMap((topic) => (topic.endsWith('.dlq') ? [topic] : [topic, deadLetterTopicOf(topic)])),
      ),
    ];
    if (names.length === 0) return;
    const admin = await this.connectedAdmin();
    // Resolves false (no error) when every topic already exists.
    await admin.createTopics({
      topics: names.map((topic) => ({
        topic,
        numPartitions: this.partitions,
        replicationFactor: 1,
        configEntries: topic.endsWith('.dlq') ? [] : [{ name: 'retention.ms', value: '-1' }],
      })),
      waitForLeaders: true,
    });
    await this.awaitLeaders(admin, names);
  }

  async health(): Promise<TransportHealth> {
    if (this.closing) return { up: false, detail: 'closed' };
    try {
      const cluster = await withTimeout(
        this.connectedHealthAdmin().then((admin) => admin.describeCluster()),
        this.healthTimeoutMs,
        'describeCluster',
      );
      return {
        up: true,
        detail: `${cluster.brokers.length} broker(s), controller ${cluster.controller ?? 'unknown'}`,
      };
    } catch (error) {
      const admin = this.healthAdmin;
      this.healthAdmin = undefined;
      void admin?.then((client) => client.disconnect()).catch(() => undefined);
      return {
        up: false,
        detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      };
    }
  }

  /** Stops the consumers (in-flight handlers finish and commit), flushes publishes, disconnects. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled(this.subscriptions.map((subscription) => subscription.stop()));
      await this.publishQueue.idle();
      const clients = [this.producer, this.admin, this.healthAdmin].filter((client) => client !== undefined);
      await Promise.allSettled(clients.map((client) => client.then((connected) => connected.disconnect())));
    })();
    return this.closing;
  }

  private async send(messages: TransportMessage[]): Promise<void> {
    try {
      const producer = await this.connectedProducer();
      await producer.sendBatch({ acks: -1, topicMessages: toTopicMessages(messages) });
    } catch (error) {
      // Start the next publish from a fresh producer (new producer id, clean sequence numbers):
      // kafkajs's idempotent producer can stay wedged on sequence errors after a broker restart.
      this.discardProducer();
      throw new PublishFailedError(
        error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        {
          cause: error,
        },
      );
    }
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= this.connect(
      this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // Explicit: murmur2 on the key, like the Java client (and no kafkajs warning about it).
        createPartitioner: Partitioners.DefaultPartitioner,
      }),
      () => (this.producer = undefined),
    );
    return this.producer;
  }

  private discardProducer(): void {
    const producer = this.producer;
    this.producer = undefined;
    void producer?.then((client) => client.disconnect()).catch(() => undefined);
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= this.connect(this.kafka.admin(), () => (this.admin = undefined));
    return this.admin;
  }

  private connectedHealthAdmin(): Promise<Admin> {
    this.healthAdmin ??= this.connect(this.healthKafka.admin(), () => (this.healthAdmin = undefined));
    return this.healthAdmin;
  }

  /** Connects a client; on failure forgets it (so the next call connects afresh) and rethrows. */
  private async connect<T extends { connect(): Promise<void>; disconnect(): Promise<void> }>(
    client: T,
    forget: () => void,
  ): Promise<T> {
    try {
      await client.connect();
      return client;
    } catch (error) {
      forget();
      await client.disconnect().catch(() => undefined);
      throw error;
    }
  }

  /** Topics that already existed skip kafkajs's own wait: wait until every partition has a leader. */
  private async awaitLeaders(admin: Admin, topics: string[]): Promise<void> {
    const deadline = Date.now() + LEADERS_TIMEOUT_MS;
    for (;;) {
      const metadata = await admin.fetchTopicMetadata({ topics });
      const ready = metadata.topics.every(
        (topic) =>
          topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
      );
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`topics have no leader after ${LEADERS_TIMEOUT_MS} ms`);
      await abortableDelay(100);
    }
  }

  private assertOpen(): void {
    if (this.closing) throw new TransportClosedError(this.kind);
  }
}
