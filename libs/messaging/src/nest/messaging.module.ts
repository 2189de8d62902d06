import {
  Global,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EventEnvelopeCodec } from '../envelope/event-envelope.codec';
import { MessagingRuntime } from '../messaging-runtime';
import { EVENT_TRANSPORT, type EventTransport } from '../transport/event-transport';

export interface MessagingModuleOptions {
  /** The transport every service of this process shares. */
  transport: EventTransport;
}

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
      ],
      exports: [EVENT_TRANSPORT, EventEnvelopeCodec, MessagingRuntime],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runtime.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
