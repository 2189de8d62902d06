import { telemetry } from './telemetry';
import { runDistributedService } from '@reprisals/service-platform';
import { ReportingModule } from './reporting.module';

/** reporting as its own process (distributed mode): Kafka between services, PostgreSQL at DATABASE_URL. */
runDistributedService({
  name: 'reporting',
  defaultPort: 3004,
  register: (options) => ReportingModule.register(options),
  shutdownTelemetry: () => telemetry.shutdown(),
}).catch((error: unknown) => {
  process.stderr.write(
    `reporting: failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`,
  );
  process.exit(1);
});
