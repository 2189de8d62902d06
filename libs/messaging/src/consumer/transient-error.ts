/**
 * Errors that say nothing about the event itself: the database went away, a
 * serialization conflict, a deadlock. They are retried without end (the message is
 * left for redelivery) instead of sending a good event to the dead-letter topic.
 */
const TRANSIENT_SQLSTATE_PREFIXES = ['08', '53', '57P', '57014', '55P03', '40001', '40P01'];
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

export function isTransientInfrastructureError(error: unknown): boolean {
  const candidates = [error, (error as { driverError?: unknown } | undefined)?.driverError];
  for (const candidate of candidates) {
    if (!candidate || typeof candidate !== 'object') continue;
    const code = (candidate as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (TRANSIENT_NODE_CODES.has(code)) return true;
    if (TRANSIENT_SQLSTATE_PREFIXES.some((prefix) => code.startsWith(prefix))) return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|Cannot use a pool after calling end/i.test(
    message,
  );
}
