import {
  Global,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EventEnvelopeCodec } from '../envelope/event-envelope.codec';
import type { MessagingLogger } from '../messaging-logger';
import { MessagingRuntime } from '../messaging-runtime';
import { EVENT_TRANSPORT, type EventTransport } from '../transport/event-transport';

export interface MessagingModuleOptions {
  /** The transport every service of this process shares. */
  transport: EventTransport;
  /**
   * The logger of each service's outbox relay and consumer. Default: the platform's JSON logger
   * on stdout, at the level LOG_LEVEL sets (tests give one writing where they read it).
   */
  serviceLogger?: (service: string) => MessagingLogger;
}

/** Provides MessagingModuleOptions.serviceLogger, when one is given. */
export const MESSAGING_SERVICE_LOGGER = Symbol('MESSAGING_SERVICE_LOGGER');

/**
 * Root of messaging in a process: one transport, one codec, one runtime that starts every
 * service's consumers and relays once the application is up and flushes them on shutdown.
 */
@Global()
@Module({})
export class MessagingModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly runtime: MessagingRuntime) {}

  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: EVENT_TRANSPORT, useValue: options.transport },
        { provide: EventEnvelopeCodec, useFactory: () => new EventEnvelopeCodec() },
        { provide: MessagingRuntime, useFactory: () => new MessagingRuntime(options.transport) },
        ...(options.serviceLogger
          ? [{ provide: MESSAGING_SERVICE_LOGGER, useValue: options.serviceLogger }]
          : []),
      ],
      exports: [
        EVENT_TRANSPORT,
        EventEnvelopeCodec,
        MessagingRuntime,
        ...(options.serviceLogger ? [MESSAGING_SERVICE_LOGGER] : []),
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runtime.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
