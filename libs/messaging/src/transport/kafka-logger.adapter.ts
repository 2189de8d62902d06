import { logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { TransportLogger } from './transport-logger';

/** kafkajs log fields that carry no message content and help to diagnose the client. */
const SAFE_FIELDS = [
  'broker',
  'clientId',
  'groupId',
  'memberId',
  'topic',
  'partition',
  'offset',
  'retryCount',
  'retryTime',
  'host',
  'port',
  'nodeId',
  'apiName',
  'correlationId',
  'timeout',
] as const;

/**
 * Deliberate choices kafkajs warns about: the idempotent producer has bounded retries so that
 * publish fails (and the outbox relay retries, consumers deduplicating) instead of hanging.
 */
const EXPECTED_WARNINGS = ['Limiting retries for the idempotent producer may invalidate EoS guarantees'];

/**
 * kafkajs logs every failed connection attempt as an error, several a second while a broker is
 * away. They are retried; what matters surfaces as a consumer crash or a failed publish.
 */
const RETRIED_NAMESPACES = new Set(['Connection', 'BrokerPool']);

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * Routes kafkajs's own logging to the transport logger, at WARN and above only (kafkajs is
 * chatty at INFO). Only an allow-list of fields is kept: no message keys, headers or values,
 * no stack traces. Connection errors, which kafkajs retries, become warnings.
 */
export const kafkaLogCreator =
  (logger: TransportLogger): logCreator =>
  () =>
  ({ namespace, level, log }: LogEntry): void => {
    if (level !== logLevel.ERROR && level !== logLevel.WARN) return;
    if (EXPECTED_WARNINGS.includes(log.message)) return;
    const fields: Record<string, unknown> = { component: 'kafkajs', namespace };
    for (const name of SAFE_FIELDS) {
      const value: unknown = log[name];
      if (value !== undefined) fields[name] = value;
    }
    if (log['error'] !== undefined) fields['error'] = describe(log['error']);
    if (level === logLevel.ERROR && !RETRIED_NAMESPACES.has(namespace)) logger.error(fields, log.message);
    else logger.warn(fields, log.message);
  };
