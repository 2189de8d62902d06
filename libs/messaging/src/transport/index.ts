export {
  EVENT_TRANSPORT,
  deadLetterTopicOf,
  type DeliveredMessage,
  type EventTransport,
  type MessageHandler,
  type SubscriptionOptions,
  type TransportHealth,
  type TransportMessage,
} from './event-transport';
export type { BackoffPolicy } from './async-timing';
export { InProcessTransport, type InProcessTransportOptions } from './in-process.transport';
export { KafkaTransport, type KafkaTransportOptions } from './kafka.transport';
export type { KafkaConsumerSettings } from './kafka-subscription';
export { PublishFailedError } from './publish-failed.error';
export { TransportClosedError } from './transport-closed.error';
export { stderrTransportLogger, type TransportLogger } from './transport-logger';
export {
  committedOffsets,
  consumerProgress,
  readKafkaTopics,
  type ConsumerProgress,
  type KafkaInspectionOptions,
  type KafkaRecord,
  type PartitionBehind,
} from './kafka-inspection';
