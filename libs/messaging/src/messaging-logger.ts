import type { TransportLogger } from './transport/transport-logger';

/** The slice of a pino logger the messaging pieces use. Objects logged here hold ids, never personal data. */
export type MessagingLogger = TransportLogger;

export const silentMessagingLogger: MessagingLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * Errors whose messages this code base writes itself and that never quote event data:
 * contract violations (field paths only) and the transports' own errors.
 */
const ERRORS_WITH_SAFE_MESSAGES = new Set([
  'ContractViolationError',
  'PublishFailedError',
  'TransportClosedError',
  'KafkaJSError',
  'KafkaJSProtocolError',
  'KafkaJSConnectionError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSNonRetriableError',
]);

/**
 * What may be said about an error in a log, a dead letter or a header: its class and its code.
 * Other messages are dropped because they can quote data (a database driver's message may
 * contain a value that was being written).
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'non-error thrown';
  const code = (error as { code?: unknown }).code;
  const label = typeof code === 'string' || typeof code === 'number' ? `${error.name} (${code})` : error.name;
  return ERRORS_WITH_SAFE_MESSAGES.has(error.name) ? `${label}: ${error.message}`.slice(0, 500) : label;
}
