import { telemetry } from './telemetry';
import { runDistributedService } from '@reprisals/service-platform';
import { VerificationModule } from './verification.module';

/** verification as its own process (distributed mode): Kafka between services, PostgreSQL at DATABASE_URL. */
runDistributedService({
  name: 'verification',
  defaultPort: 3002,
  register: (options) => VerificationModule.register(options),
  shutdownTelemetry: () => telemetry.shutdown(),
}).catch((error: unknown) => {
  process.stderr.write(
    `verification: failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`,
  );
  process.exit(1);
});
