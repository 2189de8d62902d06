import {
  KafkaReplaySource,
  messagingConfigFromEnvironment,
  OutboxReplaySource,
  type ReplaySource,
  type TransportLogger,
} from '@reprisals/messaging';
import type { DataSource } from 'typeorm';

/** The schemas whose outbox tables hold the log in standalone mode: the four services'. */
export const STANDALONE_OUTBOX_SCHEMAS = [
  'intake',
  'verification',
  'state_communication',
  'reporting',
] as const;

export type ReplaySourceKind = 'kafka' | 'outbox';

/**
 * Which log a rebuild reads: `--source` when given; otherwise the Kafka topics when the services
 * run distributed over Kafka (MESSAGING_TRANSPORT=kafka, or a DATABASE_URL with KAFKA_BROKERS and
 * no MESSAGING_TRANSPORT), else the outbox tables (standalone mode).
 */
export function replaySourceKindFrom(
  environment: NodeJS.ProcessEnv,
  given: string | undefined,
): { kind: ReplaySourceKind; because: string } {
  if (given === 'kafka' || given === 'outbox') return { kind: given, because: '--source' };
  if (given !== undefined) throw new Error(`--source is kafka or outbox, not ${given}`);
  const transport = environment['MESSAGING_TRANSPORT'];
  if (transport === 'kafka') return { kind: 'kafka', because: 'MESSAGING_TRANSPORT=kafka' };
  if (transport === 'in-process') return { kind: 'outbox', because: 'MESSAGING_TRANSPORT=in-process' };
  if (environment['DATABASE_URL'] && environment['KAFKA_BROKERS'])
    return { kind: 'kafka', because: 'DATABASE_URL and KAFKA_BROKERS are set (distributed mode)' };
  return { kind: 'outbox', because: 'standalone mode' };
}

export function replaySourceFor(
  kind: ReplaySourceKind,
  options: { environment: NodeJS.ProcessEnv; dataSource: DataSource; logger: TransportLogger },
): ReplaySource {
  if (kind === 'outbox')
    return new OutboxReplaySource({ dataSource: options.dataSource, schemas: STANDALONE_OUTBOX_SCHEMAS });
  const config = messagingConfigFromEnvironment(options.environment);
  return new KafkaReplaySource({
    brokers: config.KAFKA_BROKERS,
    clientId: `${config.KAFKA_CLIENT_ID}-reporting-rebuild`,
    logger: options.logger,
  });
}
