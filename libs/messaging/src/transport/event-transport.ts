/**
 * The only seam between the services and the wire. Two adapters implement it:
 * the Kafka transport (distributed mode) and the in-process transport (standalone).
 * Both must pass the same contract suite (transport-contract.suite.ts).
 *
 * A message is opaque here: headers and value are produced and read by the envelope
 * codec. Transports only move bytes, keep per-key order and report health.
 */
export interface TransportMessage {
  topic: string;
  /** Partition key: the case id, so one case's events stay in order. */
  key: string;
  headers: Record<string, string>;
  value: string;
}

export interface DeliveredMessage extends TransportMessage {
  /** Position of the message in its topic/partition, for diagnostics only. */
  position: string;
}

/**
 * Called once per delivered message, in key order. Resolving acknowledges the message;
 * rejecting means "not processed, deliver again later" (the consumer runner only rejects
 * for infrastructure failures: poison messages are dead-lettered and resolve).
 */
export type MessageHandler = (message: DeliveredMessage) => Promise<void>;

export interface SubscriptionOptions {
  /** Consumer group: every group receives every message of the topic once. */
  group: string;
  topics: string[];
  handler: MessageHandler;
  /** Read the topics from the beginning when the group has no committed position. */
  fromBeginning?: boolean;
}

export interface TransportHealth {
  up: boolean;
  detail?: string;
}

export interface EventTransport {
  readonly kind: 'kafka' | 'in-process';
  /**
   * Resolves once every message is durably accepted by the transport
   * (Kafka: acknowledged by the broker with the idempotent producer;
   * in-process: handled by every subscription of its topic).
   */
  publish(messages: TransportMessage[]): Promise<void>;
  subscribe(options: SubscriptionOptions): Promise<void>;
  /** Creates the topics (and their .dlq) when the transport has such a notion. */
  ensureTopics(topics: string[]): Promise<void>;
  health(): Promise<TransportHealth>;
  /** Stops consuming (in-flight handlers finish), then disconnects. */
  close(): Promise<void>;
}

export const EVENT_TRANSPORT = Symbol('EventTransport');

export const deadLetterTopicOf = (topic: string): string => `${topic}.dlq`;
