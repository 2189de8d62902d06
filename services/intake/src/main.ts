import { telemetry } from './telemetry';
import { runDistributedService } from '@reprisals/service-platform';
import { IntakeModule } from './intake.module';

/** intake as its own process (distributed mode): Kafka between services, PostgreSQL at DATABASE_URL. */
runDistributedService({
  name: 'intake',
  defaultPort: 3001,
  register: (options) => IntakeModule.register(options),
  shutdownTelemetry: () => telemetry.shutdown(),
}).catch((error: unknown) => {
  process.stderr.write(
    `intake: failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`,
  );
  process.exit(1);
});
