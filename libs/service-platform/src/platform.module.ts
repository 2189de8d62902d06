import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Clock } from '@reprisals/kernel';
import { createLoggerModuleOptions } from '@reprisals/observability';
import { SecurityModule } from '@reprisals/security';
import { ClockModule } from './clock/clock.module';
import { HttpExceptionFilter } from './errors/http-exception.filter';
import { HealthModule } from './health/health.module';
import { PlatformAuditModule } from './audit/platform-audit.module';

export interface PlatformModuleOptions {
  /** Name in logs and traces: a service name, or `standalone` when all services share a process. */
  processName: string;
  clock?: Clock;
  /** Where log lines go instead of stdout (tests). */
  logDestination?: DestinationStream;
  /** Where LOG_LEVEL is read from instead of process.env. */
  logEnv?: NodeJS.ProcessEnv;
}

/** What every process hosting services has: logging, authentication, the clock, errors, health. */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot(
          createLoggerModuleOptions(options.processName, {
            ...(options.logDestination ? { destination: options.logDestination } : {}),
            ...(options.logEnv ? { env: options.logEnv } : {}),
          }),
        ),
        SecurityModule.forRoot(),
        ClockModule.forRoot(options.clock),
        HealthModule,
        PlatformAuditModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
    };
  }
}
