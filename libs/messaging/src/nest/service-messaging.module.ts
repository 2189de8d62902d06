import { Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { createLogger } from '@reprisals/observability';
import { EventEnvelopeCodec } from '../envelope/event-envelope.codec';
import type { MessagingLogger } from '../messaging-logger';
import { MessagingRuntime } from '../messaging-runtime';
import { ServiceMessaging } from '../service-messaging';
import { EVENT_TRANSPORT, type EventTransport } from '../transport/event-transport';
import { MESSAGING_SERVICE_LOGGER } from './messaging.module';

export interface ServiceMessagingModuleOptions {
  service: string;
  /** Name of the service's TypeORM data source (TypeOrmModule.forRootAsync({ name })). */
  dataSourceName: string;
  relay?: { batchSize?: number; pollIntervalMs?: number };
  consumer?: { maxAttempts?: number; retryBaseDelayMs?: number };
}

/**
 * Outbox, relay, consumer and dead letters of one service, bound to its own data source. The
 * dead-letter routes, audited, come with the service's infrastructure (@reprisals/service-platform).
 */
@Module({})
export class ServiceMessagingModule {
  static forService(options: ServiceMessagingModuleOptions): DynamicModule {
    return {
      module: ServiceMessagingModule,
      providers: [
        {
          provide: ServiceMessaging,
          inject: [
            getDataSourceToken(options.dataSourceName),
            EVENT_TRANSPORT,
            EventEnvelopeCodec,
            CLOCK,
            MessagingRuntime,
            { token: MESSAGING_SERVICE_LOGGER, optional: true },
          ],
          useFactory: (
            dataSource: DataSource,
            transport: EventTransport,
            codec: EventEnvelopeCodec,
            clock: Clock,
            runtime: MessagingRuntime,
            serviceLogger: ((service: string) => MessagingLogger) | undefined,
          ) => {
            const messaging = new ServiceMessaging({
              service: options.service,
              dataSource,
              transport,
              codec,
              clock,
              logger:
                serviceLogger?.(options.service) ??
                createLogger(options.service).child({ component: 'messaging' }),
              ...(options.relay ? { relay: options.relay } : {}),
              ...(options.consumer ? { consumer: options.consumer } : {}),
            });
            runtime.attach(messaging);
            return messaging;
          },
        },
      ],
      exports: [ServiceMessaging],
    };
  }
}
