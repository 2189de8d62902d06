import { createLogger } from '@reprisals/observability';

/**
 * The logger the transports write to (pino-style: fields first, then the message).
 * Transports never log message keys, headers or values: only topics, partitions,
 * offsets, group names and error kinds.
 */
export interface TransportLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** Used when no logger is given: the platform's JSON logger, at the level LOG_LEVEL sets. */
export const stderrTransportLogger: TransportLogger = createLogger('messaging').child({
  component: 'transport',
});

/**
 * What may be logged about an error raised by application code (a message handler):
 * its class and code, never its message, which could quote data.
 */
export const errorKind = (error: unknown): { errorName: string; errorCode?: string } => {
  if (!(error instanceof Error)) return { errorName: typeof error };
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number'
    ? { errorName: error.name, errorCode: String(code) }
    : { errorName: error.name };
};
