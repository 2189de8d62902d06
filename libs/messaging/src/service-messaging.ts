import type { DataSource, EntityManager } from 'typeorm';
import type { IntegrationEvent } from '@reprisals/contracts';
import type { Clock } from '@reprisals/kernel';
import { ServiceEventConsumer } from './consumer/service-event.consumer';
import { DeadLetterStore } from './dead-letters/dead-letter.store';
import type { EventEnvelopeCodec } from './envelope/event-envelope.codec';
import type { MessagingLogger } from './messaging-logger';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxWriter } from './outbox/outbox.writer';
import { TransactionalOutbox } from './outbox/transactional-outbox';
import type { EventTransport } from './transport/event-transport';

export interface ServiceMessagingOptions {
  service: string;
  dataSource: DataSource;
  transport: EventTransport;
  codec: EventEnvelopeCodec;
  clock: Clock;
  logger?: MessagingLogger;
  relay?: { batchSize?: number; pollIntervalMs?: number };
  consumer?: { maxAttempts?: number; retryBaseDelayMs?: number };
}

/** Everything one service needs to publish and consume events, bound to its own schema. */
export class ServiceMessaging {
  readonly outbox: TransactionalOutbox;
  readonly relay: OutboxRelay;
  readonly consumer: ServiceEventConsumer;
  readonly deadLetters: DeadLetterStore;
  private readonly writer: OutboxWriter;

  constructor(readonly options: ServiceMessagingOptions) {
    this.relay = new OutboxRelay({
      service: options.service,
      dataSource: options.dataSource,
      transport: options.transport,
      ...(options.logger ? { logger: options.logger } : {}),
      ...options.relay,
    });
    this.writer = new OutboxWriter(options.codec, options.clock);
    this.outbox = new TransactionalOutbox(options.dataSource, this.writer, () => this.relay.kick());
    this.deadLetters = new DeadLetterStore(options.dataSource, options.clock);
    this.consumer = new ServiceEventConsumer({
      service: options.service,
      transport: options.transport,
      codec: options.codec,
      outbox: this.outbox,
      deadLetters: this.deadLetters,
      clock: options.clock,
      ...(options.logger ? { logger: options.logger } : {}),
      ...options.consumer,
    });
  }

  get service(): string {
    return this.options.service;
  }

  /**
   * Writes events to the outbox inside a transaction someone else runs (for records that other
   * libraries append in the caller's transaction). The relay is woken; if the transaction has not
   * committed yet by then, it finds the rows at its next poll.
   */
  async appendInTransaction(manager: EntityManager, events: IntegrationEvent[]): Promise<void> {
    await this.writer.append(manager, events);
    this.relay.kick();
  }
}
