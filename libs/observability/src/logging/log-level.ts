import type { LevelWithSilent } from 'pino';
import { z } from 'zod';

const LogLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export class LogConfigurationError extends Error {
  override readonly name = 'LogConfigurationError';
}

/** LOG_LEVEL: fatal, error, warn, info (default), debug, trace, or silent (tests). */
export function logLevelFrom(env: NodeJS.ProcessEnv = process.env): LevelWithSilent {
  const value = env.LOG_LEVEL?.trim().toLowerCase();
  if (!value) return 'info';
  const result = LogLevelSchema.safeParse(value);
  if (!result.success) {
    throw new LogConfigurationError(`LOG_LEVEL must be one of: ${LogLevelSchema.options.join(', ')}`);
  }
  return result.data;
}
