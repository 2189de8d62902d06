import { context as otelContext, SpanKind, trace } from '@opentelemetry/api';
import { createEvent, type IntegrationEvent } from '@reprisals/contracts';
import type { Clock } from '@reprisals/kernel';
import { extractTraceContext } from '@reprisals/observability';
import { InboxRecordEntity } from '../inbox/inbox-record.entity';
import { ContractViolationError } from '../envelope/contract-violation.error';
import type { EventEnvelopeCodec } from '../envelope/event-envelope.codec';
import type { DeadLetterStore } from '../dead-letters/dead-letter.store';
import type { TransactionalOutbox } from '../outbox/transactional-outbox';
import {
  deadLetterTopicOf,
  type DeliveredMessage,
  type EventTransport,
  type TransportMessage,
} from '../transport/event-transport';
import { describeError, silentMessagingLogger, type MessagingLogger } from '../messaging-logger';
import type { HandlerContext, Subscription } from './event-handler';
import { isTransientInfrastructureError } from './transient-error';

export interface ServiceEventConsumerOptions {
  service: string;
  transport: EventTransport;
  codec: EventEnvelopeCodec;
  outbox: TransactionalOutbox;
  deadLetters: DeadLetterStore;
  clock: Clock;
  logger?: MessagingLogger;
  /** Tries of a failing handler before its event is dead-lettered. */
  maxAttempts?: number;
  retryBaseDelayMs?: number;
}

export type DeliveryOutcome = 'processed' | 'duplicate' | 'dead-lettered' | 'ignored';

const tracer = trace.getTracer('@reprisals/messaging');

/**
 * Receives the messages of the topics a service subscribes to and runs its handlers:
 * validation against the contract, inbox deduplication and the handler's effects in one
 * transaction, retries with backoff, and the dead-letter topic for what cannot be processed.
 * The same code runs on every transport.
 */
export class ServiceEventConsumer {
  private readonly subscriptions: Subscription[] = [];
  private readonly logger: MessagingLogger;
  private readonly maxAttempts: number;
  private readonly retryBaseDelayMs: number;
  private started = false;

  constructor(private readonly options: ServiceEventConsumerOptions) {
    this.logger = options.logger ?? silentMessagingLogger;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 100;
  }

  get group(): string {
    return `reprisals.${this.options.service}`;
  }

  register(...subscriptions: Subscription[]): void {
    if (this.started) throw new Error('Subscriptions must be registered before the consumer starts');
    for (const subscription of subscriptions) {
      if (this.subscriptions.some((existing) => existing.name === subscription.name)) {
        throw new Error(`Subscription registered twice: ${subscription.name}`);
      }
      this.subscriptions.push(subscription);
    }
  }

  topics(): string[] {
    return [...new Set(this.subscriptions.map((subscription) => subscription.event.topic))];
  }

  async start(): Promise<void> {
    if (this.started || this.subscriptions.length === 0) return;
    this.started = true;
    await this.options.transport.subscribe({
      group: this.group,
      topics: this.topics(),
      fromBeginning: true,
      handler: async (message) => {
        await this.receive(message);
      },
    });
  }

  /** Processes one delivered message for every subscription of this service that wants it. */
  async receive(message: DeliveredMessage | TransportMessage): Promise<DeliveryOutcome[]> {
    const wireType = this.options.codec.wireTypeOf(message);
    const matching = this.subscriptions.filter((subscription) => subscription.event.wireType === wireType);
    if (matching.length === 0) {
      // A known event this service does not react to is none of its business; a message with
      // no type, or a type no contract declares, is kept where an operator will see it.
      if (wireType && this.options.codec.knows(wireType)) return ['ignored'];
      await this.deadLetterUnroutable(
        message,
        wireType ? 'unknown event type' : 'message has no ce_type header',
      );
      return ['dead-lettered'];
    }
    const parent = extractTraceContext(message.headers);
    return otelContext.with(parent, () =>
      tracer.startActiveSpan(
        `${message.topic} process`,
        {
          kind: SpanKind.CONSUMER,
          attributes: {
            'messaging.system': this.options.transport.kind === 'kafka' ? 'kafka' : 'in-process',
            'messaging.destination.name': message.topic,
            'messaging.consumer.group.name': this.group,
            'messaging.message.id': message.headers['ce_id'] ?? '',
            'cloudevents.event_type': wireType ?? '',
          },
        },
        async (span) => {
          try {
            return await this.dispatch(message, matching);
          } catch (error) {
            span.recordException({ name: error instanceof Error ? error.name : 'Error' });
            throw error;
          } finally {
            span.end();
          }
        },
      ),
    );
  }

  /** Runs a dead-lettered message again through its subscription, after a fix. */
  async replay(deadLetterId: string): Promise<DeliveryOutcome> {
    const letter = await this.options.deadLetters.find(deadLetterId);
    if (!letter) throw new DeadLetterNotFoundError();
    const message: TransportMessage = {
      topic: letter.topic,
      key: letter.messageKey,
      headers: letter.headers,
      value: letter.payload,
    };
    let outcome: DeliveryOutcome;
    if (letter.subscriber === `${this.options.service}.${UNROUTABLE_SUBSCRIBER}`) {
      [outcome = 'dead-lettered'] = await this.receive(message);
      if (outcome === 'ignored') outcome = 'processed';
    } else {
      const subscription = this.subscriptions.find(
        (candidate) => this.subscriberName(candidate) === letter.subscriber,
      );
      if (!subscription) throw new DeadLetterNotFoundError();
      [outcome = 'dead-lettered'] = await this.dispatch(message, [subscription]);
    }
    // A replay that fails again leaves the letter listed, with the new reason.
    if (outcome === 'processed' || outcome === 'duplicate') {
      await this.options.deadLetters.markReplayed(deadLetterId, outcome);
    }
    return outcome;
  }

  private async dispatch(
    message: DeliveredMessage | TransportMessage,
    subscriptions: Subscription[],
  ): Promise<DeliveryOutcome[]> {
    let event: IntegrationEvent;
    try {
      event = this.options.codec.decode(message).event;
    } catch (error) {
      if (!(error instanceof ContractViolationError)) throw error;
      for (const subscription of subscriptions) {
        await this.deadLetter(subscription, message, `invalid event: ${error.message}`, 1);
      }
      return subscriptions.map(() => 'dead-lettered');
    }
    const outcomes: DeliveryOutcome[] = [];
    for (const subscription of subscriptions) {
      outcomes.push(await this.deliver(subscription, event, message));
    }
    return outcomes;
  }

  private async deliver(
    subscription: Subscription,
    event: IntegrationEvent,
    message: DeliveredMessage | TransportMessage,
  ): Promise<DeliveryOutcome> {
    let attempt = 0;
    for (;;) {
      attempt += 1;
      try {
        return await this.handleOnce(subscription, event);
      } catch (error) {
        if (isTransientInfrastructureError(error)) {
          // Leave the message undelivered: the transport offers it again, and nothing is dead-lettered.
          this.logger.warn(
            {
              subscriber: this.subscriberName(subscription),
              eventId: event.metadata.eventId,
              error: describeError(error),
            },
            'consumer: infrastructure unavailable, message will be redelivered',
          );
          throw error;
        }
        if (attempt >= this.maxAttempts) {
          await this.deadLetter(subscription, message, `handler failed: ${describeError(error)}`, attempt);
          return 'dead-lettered';
        }
        this.logger.warn(
          {
            subscriber: this.subscriberName(subscription),
            eventId: event.metadata.eventId,
            attempt,
            error: describeError(error),
          },
          'consumer: handler failed, retrying',
        );
        await delay(Math.min(5_000, this.retryBaseDelayMs * 2 ** (attempt - 1)));
      }
    }
  }

  private async handleOnce(subscription: Subscription, event: IntegrationEvent): Promise<DeliveryOutcome> {
    const subscriber = this.subscriberName(subscription);
    return this.options.outbox.run(async (unit) => {
      const now = this.options.clock.now();
      const inserted = await unit.manager
        .createQueryBuilder()
        .insert()
        .into(InboxRecordEntity)
        .values({ subscriber, eventId: event.metadata.eventId, eventType: event.type, processedAt: now })
        .orIgnore()
        .returning(['eventId'])
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return 'duplicate';
      const context: HandlerContext = {
        manager: unit.manager,
        now,
        emit: (definition, data, options) => {
          unit.record(
            createEvent(definition, data, {
              caseId: options?.caseId ?? event.metadata.caseId,
              actor: options?.actor ?? {
                kind: 'system',
                service: definition.producer,
                ...(eventEntity(event) ? { entity: eventEntity(event) } : {}),
              },
              occurredAt: now,
              correlationId: event.metadata.correlationId,
              causationId: event.metadata.eventId,
              ...(options?.policyVersion ? { policyVersion: options.policyVersion } : {}),
            }),
          );
        },
      };
      await subscription.handler.handle(event, context);
      return 'processed';
    });
  }

  private async deadLetter(
    subscription: Subscription,
    message: DeliveredMessage | TransportMessage,
    reason: string,
    attempts: number,
  ): Promise<void> {
    const subscriber = this.subscriberName(subscription);
    const letter = await this.options.deadLetters.record({ subscriber, message, reason, attempts });
    await this.publishDeadLetter(message, subscriber, reason, attempts, letter.id, letter.failedAt);
  }

  private async publishDeadLetter(
    message: DeliveredMessage | TransportMessage,
    subscriber: string,
    reason: string,
    attempts: number,
    deadLetterId: string,
    failedAt: Date,
  ): Promise<void> {
    await this.options.transport.publish([
      {
        topic: deadLetterTopicOf(message.topic),
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          dlq_reason: reason,
          dlq_subscriber: subscriber,
          dlq_original_topic: message.topic,
          dlq_attempts: String(attempts),
          dlq_failed_at: failedAt.toISOString(),
          dlq_id: deadLetterId,
        },
      },
    ]);
    this.logger.error(
      { subscriber, deadLetterId, caseId: message.key, topic: message.topic, attempts },
      'consumer: message dead-lettered',
    );
  }

  private async deadLetterUnroutable(
    message: DeliveredMessage | TransportMessage,
    reason: string,
  ): Promise<void> {
    const subscriber = `${this.options.service}.${UNROUTABLE_SUBSCRIBER}`;
    const letter = await this.options.deadLetters.record({ subscriber, message, reason, attempts: 1 });
    await this.publishDeadLetter(message, subscriber, reason, 1, letter.id, letter.failedAt);
  }

  private subscriberName(subscription: Subscription): string {
    return `${this.options.service}.${subscription.name}`;
  }
}

/** Subscriber name under which messages no subscription could route are dead-lettered. */
export const UNROUTABLE_SUBSCRIBER = 'unroutable';

export class DeadLetterNotFoundError extends Error {
  override readonly name = 'DeadLetterNotFoundError';
  constructor() {
    super('No such dead letter for this service');
  }
}

function eventEntity(event: IntegrationEvent): string | undefined {
  return event.metadata.actor.entity;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
