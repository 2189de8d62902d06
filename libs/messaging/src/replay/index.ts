export type { ReplayLog, ReplaySource } from './replay-source';
export { KafkaReplaySource, type KafkaReplaySourceOptions } from './kafka-replay.source';
export { OutboxReplaySource, type OutboxReplaySourceOptions } from './outbox-replay.source';
