import { telemetry } from './telemetry';
import { runDistributedService } from '@reprisals/service-platform';
import { StateCommunicationModule } from './state-communication.module';

/** state-communication as its own process (distributed mode): Kafka between services, PostgreSQL at DATABASE_URL. */
runDistributedService({
  name: 'state-communication',
  defaultPort: 3003,
  register: (options) => StateCommunicationModule.register(options),
  shutdownTelemetry: () => telemetry.shutdown(),
}).catch((error: unknown) => {
  process.stderr.write(
    `state-communication: failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`,
  );
  process.exit(1);
});
