import { createTransportFromEnvironment } from '@reprisals/messaging';
import { createLogger } from '@reprisals/observability';
import { ensureDatabase } from '@reprisals/persistence';
import { refuseDemoModeWhenDistributed } from '../demo/demo-mode';
import { createServicesApplication } from './create-services-application';
import { hostEnvironment } from './host-environment';
import type { ServiceModuleFactory } from './service-module.factory';
import { closeApplication, stopOnSignal } from './stop-on-signal';

export interface DistributedServiceOptions {
  name: string;
  defaultPort: number;
  register: ServiceModuleFactory;
  /** Flushes telemetry last. */
  shutdownTelemetry?: () => Promise<void>;
}

/** Runs one service as its own process: Kafka between services, PostgreSQL at DATABASE_URL. */
export async function runDistributedService(options: DistributedServiceOptions): Promise<void> {
  refuseDemoModeWhenDistributed();
  const logger = createLogger(options.name);
  const environment = hostEnvironment();
  if (!environment.DATABASE_URL) throw new Error('DATABASE_URL is required in distributed mode');
  await ensureDatabase(environment.DATABASE_URL);
  const transport = createTransportFromEnvironment({ defaultTransport: 'kafka', clientId: options.name });
  const app = await createServicesApplication({
    processName: options.name,
    services: [options.register],
    databaseUrl: environment.DATABASE_URL,
    transport,
  });
  const port = environment.PORT ?? options.defaultPort;
  await app.listen(port, environment.HOST);
  logger.info({ port, host: environment.HOST, transport: transport.kind }, `${options.name}: ready`);
  stopOnSignal(
    [() => closeApplication(app), ...(options.shutdownTelemetry ? [options.shutdownTelemetry] : [])],
    (message) => logger.info(message),
  );
}
