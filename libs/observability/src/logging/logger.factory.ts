import pino, { type DestinationStream, type Logger } from 'pino';
import { createLoggerOptions } from './logger-options';

/** A plain pino logger with the service's options, for code outside Nest (CLIs, the relay). */
export function createLogger(
  serviceName: string,
  destination?: DestinationStream,
  env: NodeJS.ProcessEnv = process.env,
): Logger {
  const options = createLoggerOptions(serviceName, env);
  return destination ? pino(options, destination) : pino(options);
}
