import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';

/** Longest a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 20_000;

/**
 * Graceful shutdown on SIGTERM or SIGINT: the given steps run once, in order (close the
 * application: stop accepting requests, stop consuming, flush relays, close pools; then
 * whatever the host started), and the process exits. A second signal, or a shutdown that
 * outlives its deadline (a broker that does not answer), exits at once with code 1.
 */
export function stopOnSignal(steps: Array<() => Promise<void>>, log: (message: string) => void): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: shutting down`);
    const watchdog = setTimeout(() => {
      log(`shutdown took longer than ${SHUTDOWN_DEADLINE_MS} ms: exiting now`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    watchdog.unref();
    void (async () => {
      let code = 0;
      for (const step of steps) {
        try {
          await step();
        } catch (error) {
          code = 1;
          log(`shutdown step failed: ${error instanceof Error ? error.name : 'error'}`);
        }
      }
      log('stopped');
      process.exit(code);
    })();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** Stops taking new requests first, then closes the application (its hooks flush and close the rest). */
export async function closeApplication(app: INestApplication): Promise<void> {
  const server = app.getHttpServer() as Server;
  server.close();
  server.closeIdleConnections();
  await app.close();
}
