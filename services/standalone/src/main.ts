import { telemetry } from './telemetry';
import { InProcessTransport } from '@reprisals/messaging';
import { createLogger } from '@reprisals/observability';
import { EmbeddedPostgresServer, describeDatabaseUrl, ensureDatabase } from '@reprisals/persistence';
import {
  closeApplication,
  createServicesApplication,
  standaloneDatabaseName,
  hostEnvironment,
  stopOnSignal,
} from '@reprisals/service-platform';
import { ALL_SERVICES } from './all-services';

/**
 * Standalone mode: the four services in one process on port 3000, an embedded PostgreSQL
 * whose data survives restarts (or DATABASE_URL when given), events delivered in-process
 * from the same outbox tables. Nothing to install but Node.js.
 */
async function main(): Promise<void> {
  const logger = createLogger('standalone');
  const environment = hostEnvironment();
  let embedded: EmbeddedPostgresServer | undefined;
  let databaseUrl = environment.DATABASE_URL;
  if (!databaseUrl) {
    logger.info('standalone: starting the embedded PostgreSQL');
    embedded = new EmbeddedPostgresServer({ log: (line) => logger.info(line) });
    await embedded.start();
    databaseUrl = embedded.databaseUrl(standaloneDatabaseName());
  }
  await ensureDatabase(databaseUrl);
  logger.info({ database: describeDatabaseUrl(databaseUrl) }, 'standalone: database ready');
  let app: Awaited<ReturnType<typeof createServicesApplication>>;
  const port = environment.PORT ?? 3000;
  try {
    app = await createServicesApplication({
      processName: 'standalone',
      services: ALL_SERVICES,
      databaseUrl,
      transport: new InProcessTransport({ logger: logger.child({ component: 'transport' }) }),
    });
    await app.listen(port, environment.HOST);
  } catch (error) {
    // Leave nothing running behind a failed start.
    await embedded?.stop();
    throw error;
  }
  const base = `http://${environment.HOST === '0.0.0.0' ? '127.0.0.1' : environment.HOST}:${port}`;
  logger.info(
    { port },
    `standalone: ready at ${base} (routes under /intake, /verification, /state-communication, /reporting; docs at ${base}/docs)`,
  );
  stopOnSignal(
    [() => closeApplication(app), async () => embedded?.stop(), () => telemetry.shutdown()],
    (message) => logger.info(message),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `standalone: failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`,
  );
  process.exit(1);
});
