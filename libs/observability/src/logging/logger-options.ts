import pino, { type LoggerOptions } from 'pino';
import { logLevelFrom } from './log-level';
import { serializeError, serializeRequest, serializeResponse } from './log.serializers';
import { traceContextMixin } from './trace-context.mixin';

/** Removed from every log line wherever they appear under req/res. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'req.headers["x-forwarded-for"]',
  'req.headers["x-real-ip"]',
  'req.headers.forwarded',
  'req.body',
  'res.headers["set-cookie"]',
  'res.body',
];

/**
 * The pino options every process uses: JSON lines with the service name, the level
 * from LOG_LEVEL, trace_id/span_id of the active span, and no credentials or bodies.
 */
export function createLoggerOptions(
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
): LoggerOptions {
  return {
    level: logLevelFrom(env),
    base: { service: serviceName },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: traceContextMixin,
    serializers: { req: serializeRequest, res: serializeResponse, err: serializeError },
    redact: { paths: REDACTED_PATHS, remove: true },
  };
}
