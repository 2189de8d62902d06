import { Module, type INestApplication } from '@nestjs/common';
import type { Clock } from '@reprisals/kernel';
import { MessagingModule, type EventTransport } from '@reprisals/messaging';
import { createLogger } from '@reprisals/observability';
import type { DestinationStream, LevelWithSilent } from 'pino';
import { admitFictionalStates } from '@reprisals/un-states';
import { createHttpApplication } from '../bootstrap/create-http-application';
import { DemoClock } from '../demo/demo-clock';
import { keepDemonstrationApart } from '../demo/demo-database';
import { demoModeOf } from '../demo/demo-mode';
import { DemoModule } from '../demo/demo.module';
import { PlatformModule } from '../platform.module';
import type { ServiceModuleFactory } from './service-module.factory';

export interface ServicesApplicationOptions {
  /** `standalone`, or the service name in distributed mode. */
  processName: string;
  services: ServiceModuleFactory[];
  databaseUrl: string;
  transport: EventTransport;
  clock?: Clock;
  quiet?: boolean;
  /**
   * Where every log line of the process goes (requests, Nest, each service's relay and
   * consumer), instead of stdout; tests read what was logged from it.
   */
  logDestination?: DestinationStream;
  /** Instead of LOG_LEVEL. */
  logLevel?: LevelWithSilent;
  /**
   * Instead of DEMO_MODE: fictional States and a movable clock (over `clock`, when given); refused
   * as DEMO_MODE=true is (production, SMTP_URL, a database of real cases).
   */
  demoMode?: boolean;
}

@Module({})
class ServicesHostModule {}

/**
 * One Nest application hosting one service (distributed) or all four (standalone).
 * The services do not know which: the same modules run over either transport.
 * Messaging starts during `init()`: every consumer subscribes, then relays start.
 */
export async function createServicesApplication(
  options: ServicesApplicationOptions,
): Promise<INestApplication> {
  const { logDestination, logLevel } = options;
  const logEnv = logLevel ? { ...process.env, LOG_LEVEL: logLevel } : undefined;
  const logged = logDestination !== undefined || logEnv !== undefined;
  // Demo mode is the process's: its State registry and its one clock, set before any module reads them.
  const demo = demoModeOf(process.env, options.demoMode);
  // A demonstration and real cases never share a database: checked before any service touches it.
  await keepDemonstrationApart(options.databaseUrl, demo);
  admitFictionalStates(demo);
  const demoClock = demo ? new DemoClock(options.clock) : undefined;
  const clock = demoClock ?? options.clock;
  const root = {
    module: ServicesHostModule,
    imports: [
      PlatformModule.forRoot({
        processName: options.processName,
        ...(clock ? { clock } : {}),
        ...(logDestination ? { logDestination } : {}),
        ...(logEnv ? { logEnv } : {}),
      }),
      MessagingModule.forRoot({
        transport: options.transport,
        ...(logged
          ? {
              serviceLogger: (service: string) =>
                createLogger(service, logDestination, logEnv).child({ component: 'messaging' }),
            }
          : {}),
      }),
      ...options.services.map((register) => register({ databaseUrl: options.databaseUrl })),
      ...(demoClock ? [DemoModule.forRoot(demoClock)] : []),
    ],
  };
  if (demo)
    createLogger(options.processName, logDestination, logEnv).warn(
      'demo mode: fictional States admitted and the clock movable (PUT /demo/clock); for demonstrations only, never real cases',
    );
  const app = await createHttpApplication(root, {
    title: `Reprisals case handling: ${options.processName}`,
    description:
      'Allegations of intimidation and reprisals against people who cooperate with the United Nations ' +
      '(HRC resolution 54/24). Every route but /health and /docs needs a bearer JWT.',
    ...(options.quiet !== undefined ? { quiet: options.quiet } : {}),
  });
  await app.init();
  return app;
}
