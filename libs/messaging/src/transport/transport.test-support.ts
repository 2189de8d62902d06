import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import type { DeliveredMessage, MessageHandler } from './event-transport';
import type { TransportLogger } from './transport-logger';

export interface EventuallyOptions {
  timeoutMs: number;
  intervalMs?: number;
  description: string;
}

/**
 * Polls `probe` until it returns a truthy value (or resolves without throwing an assertion),
 * failing with the last assertion error once `timeoutMs` passed. Tests wait for conditions,
 * never for a fixed time.
 */
export const eventually = async <T>(probe: () => T | Promise<T>, options: EventuallyOptions): Promise<T> => {
  const deadline = Date.now() + options.timeoutMs;
  const intervalMs = options.intervalMs ?? 25;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== false && value !== undefined && value !== null) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.description}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};

/** A name no other test (or earlier run against the same broker) uses. */
export const uniqueName = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8)}`;

export const kafkaBrokersForTests = (): string[] =>
  (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);

export interface LogEntryRecord {
  level: 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

export const recordingLogger = (): TransportLogger & { entries: LogEntryRecord[] } => {
  const entries: LogEntryRecord[] = [];
  return {
    entries,
    info: (fields, message) => entries.push({ level: 'info', fields, message }),
    warn: (fields, message) => entries.push({ level: 'warn', fields, message }),
    error: (fields, message) => entries.push({ level: 'error', fields, message }),
  };
};

/** A handler that records what it receives. */
export const recordingHandler = (): MessageHandler & { received: DeliveredMessage[] } => {
  const received: DeliveredMessage[] = [];
  const handler = (message: DeliveredMessage): Promise<void> => {
    received.push(message);
    return Promise.resolve();
  };
  return Object.assign(handler, { received });
};

export interface Deferred<T = void> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export const deferred = <T = void>(): Deferred<T> => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
};

/** `count` distinct TCP ports free on 127.0.0.1 right now. */
export const freePorts = async (count: number): Promise<number[]> => {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('no port assigned');
    return address.port;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
};
