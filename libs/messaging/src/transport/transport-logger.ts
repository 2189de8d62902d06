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

const writeLine = (level: string, fields: Record<string, unknown>, message: string): void => {
  process.stderr.write(
    `${JSON.stringify({ level, time: new Date().toISOString(), ...fields, msg: message })}\n`,
  );
};

/** Used when no logger is given: JSON lines on stderr. */
export const stderrTransportLogger: TransportLogger = {
  info: (fields, message) => writeLine('info', fields, message),
  warn: (fields, message) => writeLine('warn', fields, message),
  error: (fields, message) => writeLine('error', fields, message),
};

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
