import { createLogger } from '@reprisals/observability';
import type { EventTransport } from '../transport/event-transport';
import { InProcessTransport } from '../transport/in-process.transport';
import { KafkaTransport } from '../transport/kafka.transport';
import { messagingConfigFromEnvironment } from './messaging-config';

/** The transport named by MESSAGING_TRANSPORT (kafka | in-process), or the host's default. */
export function createTransportFromEnvironment(options: {
  defaultTransport: 'kafka' | 'in-process';
  clientId: string;
  environment?: NodeJS.ProcessEnv;
}): EventTransport {
  const environment = options.environment ?? process.env;
  const config = messagingConfigFromEnvironment({
    MESSAGING_TRANSPORT: options.defaultTransport,
    ...environment,
  });
  const logger = createLogger(options.clientId).child({ component: 'transport' });
  if (config.MESSAGING_TRANSPORT === 'kafka') {
    return new KafkaTransport({
      brokers: config.KAFKA_BROKERS,
      clientId: `${config.KAFKA_CLIENT_ID}-${options.clientId}`,
      logger,
    });
  }
  return new InProcessTransport({ logger });
}
