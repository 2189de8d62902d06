import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Clock } from '@reprisals/kernel';
import {
  EventEnvelopeCodec,
  ServiceMessaging,
  type DeliveredMessage,
  type DeliveryOutcome,
  type EventTransport,
  type MessagingLogger,
  type TransportMessage,
} from '@reprisals/messaging';
import type { DataSource } from 'typeorm';
import { REPORTING_PROJECTION_HANDLERS } from '../../reporting.module';
import { ReportingSubscriptions } from '../../reporting.subscriptions';

/**
 * What the replay hands messages to: reporting's own consumer (envelope decoding, upcasting, inbox,
 * the subscriptions of reporting.subscriptions.ts and their handlers) bound to another data source.
 */
export interface ReplayConsumer {
  readonly topics: string[];
  receive(message: DeliveredMessage): Promise<DeliveryOutcome[]>;
  close(): Promise<void>;
}

/**
 * The wire of a replay: nothing arrives through it (the replay source delivers) and nothing leaves
 * (the events the projections would cause, and dead letters, stay in the rebuilt schema).
 */
class ReplayOnlyTransport implements EventTransport {
  readonly kind = 'in-process' as const;

  publish(_messages: TransportMessage[]): Promise<void> {
    return Promise.resolve();
  }

  subscribe(): Promise<void> {
    return Promise.reject(new Error('A replay delivers its messages itself'));
  }

  ensureTopics(): Promise<void> {
    return Promise.resolve();
  }

  health(): Promise<{ up: boolean }> {
    return Promise.resolve({ up: true });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

@Module({})
class ReportingReplayModule {
  /**
   * ReportingSubscriptions with the handlers reporting's module provides (the same list), and the
   * given messaging: its onModuleInit registers every subscription there.
   */
  static with(messaging: ServiceMessaging): DynamicModule {
    return {
      module: ReportingReplayModule,
      providers: [
        ReportingSubscriptions,
        ...REPORTING_PROJECTION_HANDLERS,
        { provide: ServiceMessaging, useValue: messaging },
      ],
    };
  }
}

/** Reporting's subscriptions and consumer on `dataSource` (a rebuilt schema), messages given by hand. */
export async function startReplayConsumer(options: {
  dataSource: DataSource;
  clock: Clock;
  logger: MessagingLogger;
}): Promise<ReplayConsumer> {
  const messaging = new ServiceMessaging({
    service: 'reporting',
    dataSource: options.dataSource,
    transport: new ReplayOnlyTransport(),
    codec: new EventEnvelopeCodec(),
    clock: options.clock,
    logger: options.logger,
  });
  const context: INestApplicationContext = await NestFactory.createApplicationContext(
    ReportingReplayModule.with(messaging),
    { logger: false, abortOnError: false },
  );
  await context.init();
  return {
    topics: messaging.consumer.topics(),
    receive: (message) => messaging.consumer.receive(message),
    close: () => context.close(),
  };
}
