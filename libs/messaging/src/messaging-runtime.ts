import { ALL_TOPICS } from '@reprisals/contracts';
import type { ServiceMessaging } from './service-messaging';
import type { EventTransport } from './transport/event-transport';

/**
 * Starts and stops the messaging of every service in the process, in the one order
 * that loses nothing: every consumer subscribes before any relay publishes (the
 * in-process transport has no retained log), and on shutdown relays flush before
 * the transport closes.
 */
export class MessagingRuntime {
  private readonly services: ServiceMessaging[] = [];
  private started = false;

  constructor(readonly transport: EventTransport) {}

  attach(service: ServiceMessaging): void {
    if (this.started) throw new Error(`Messaging of ${service.service} attached after start`);
    this.services.push(service);
  }

  attached(): readonly ServiceMessaging[] {
    return this.services;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.transport.ensureTopics(ALL_TOPICS);
    for (const service of this.services) await service.consumer.start();
    for (const service of this.services) service.relay.start();
  }

  async stop(): Promise<void> {
    for (const service of this.services) await service.relay.stop();
    await this.transport.close();
  }
}
