import { context as otelContext, SpanKind, trace } from '@opentelemetry/api';
import { createEvent, type IntegrationEvent } from '@reprisals/contracts';
import type { Clock } from '@reprisals/kernel';
import { extractTraceContext } from '@reprisals/observability';
import { InboxRecordEntity } from '../inbox/inbox-record.entity';
import { ContractViolationError } from '../envelope/contract-violation.error';
import type { EventEnvelopeCodec } from '../envelope/event-envelope.codec';
import type { DeadLetterStore } from '../dead-letters/dead-letter.store';
import {
  ReplayNotRecordedError,
  ReplayRefusedError,
  type ReplayOutcome,
  type ReplayRecorder,
} from '../dead-letters/dead-letter-replay';
import { CE_SUBJECT_HEADER } from '../envelope/envelope-headers';
import type { EntityManager } from 'typeorm';
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

/** A replay under way: settled (letter marked, recorder told) in the transaction of its effect. */
interface ReplayInProgress {
  readonly deadLetterId: string;
  readonly subject: string | null;
  readonly recorder: ReplayRecorder | undefined;
  settled: boolean;
}

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
  receive(message: DeliveredMessage | TransportMessage): Promise<DeliveryOutcome[]> {
    return this.route(message);
  }

  /** `replay` is given when an unroutable letter is replayed: it settles a new refusal to route. */
  private async route(
    message: DeliveredMessage | TransportMessage,
    replay?: ReplayInProgress,
  ): Promise<DeliveryOutcome[]> {
    const wireType = this.options.codec.wireTypeOf(message);
    const matching = this.subscriptions.filter((subscription) => subscription.event.wireType === wireType);
    if (matching.length === 0) {
      // A known event this service does not react to is none of its business; a message with
      // no type, or a type no contract declares, is kept where an operator will see it.
      if (wireType && this.options.codec.knows(wireType)) return ['ignored'];
      await this.deadLetterUnroutable(
        message,
        wireType ? 'unknown event type' : 'message has no ce_type header',
        replay,
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

  /**
   * Runs a dead-lettered message again through its subscription, after a fix. The letter is
   * marked replayed (or kept with its new reason) and `recorder` runs in the same transaction as
   * the replay's effect. Throws ReplayRefusedError, before any effect, for an unknown letter, one
   * already replayed, or one whose subscription is gone.
   */
  async replay(deadLetterId: string, recorder?: ReplayRecorder): Promise<ReplayOutcome> {
    const letter = await this.options.deadLetters.find(deadLetterId);
    if (!letter) throw new ReplayRefusedError('not-found');
    const subject = letter.headers[CE_SUBJECT_HEADER] ?? null;
    if (letter.replayedAt) throw new ReplayRefusedError('already-replayed', subject);
    const message: TransportMessage = {
      topic: letter.topic,
      key: letter.messageKey,
      headers: letter.headers,
      value: letter.payload,
    };
    const replay: ReplayInProgress = { deadLetterId, subject, recorder, settled: false };
    let outcome: DeliveryOutcome;
    if (letter.subscriber === `${this.options.service}.${UNROUTABLE_SUBSCRIBER}`) {
      // Routed afresh: each subscription that now wants it processes it as any delivery, in its
      // own transaction with its inbox record; the letter is settled once they are done.
      [outcome = 'dead-lettered'] = await this.route(message, replay);
      if (outcome === 'ignored') outcome = 'processed';
      if (!replay.settled) {
        const settled = outcome;
        await this.options.outbox.run((unit) => this.settle(unit.manager, replay, settled));
      }
    } else {
      const subscription = this.subscriptions.find(
        (candidate) => this.subscriberName(candidate) === letter.subscriber,
      );
      if (!subscription) throw new ReplayRefusedError('no-subscription', subject);
      [outcome = 'dead-lettered'] = await this.dispatch(message, [subscription], replay);
    }
    return outcome === 'ignored' ? 'processed' : outcome;
  }

  /**
   * Ends a replay inside the transaction of its effect: a processed (or duplicate) letter is
   * marked replayed, one that failed again stays listed with its new reason; then the recorder.
   */
  private async settle(
    manager: EntityManager,
    replay: ReplayInProgress,
    outcome: DeliveryOutcome,
  ): Promise<void> {
    const settled: ReplayOutcome = outcome === 'ignored' ? 'processed' : outcome;
    if (settled !== 'dead-lettered') {
      const marked = await this.options.deadLetters.markReplayed(manager, replay.deadLetterId, settled);
      if (!marked) throw new ReplayRefusedError('already-replayed', replay.subject);
    }
    try {
      await replay.recorder?.(manager, {
        deadLetterId: replay.deadLetterId,
        outcome: settled,
        subject: replay.subject,
      });
    } catch (error) {
      throw new ReplayNotRecordedError({ cause: error });
    }
    replay.settled = true;
  }

  private async dispatch(
    message: DeliveredMessage | TransportMessage,
    subscriptions: Subscription[],
    replay?: ReplayInProgress,
  ): Promise<DeliveryOutcome[]> {
    let event: IntegrationEvent;
    try {
      event = this.options.codec.decode(message).event;
    } catch (error) {
      if (!(error instanceof ContractViolationError)) throw error;
      for (const subscription of subscriptions) {
        await this.deadLetter(subscription, message, `invalid event: ${error.message}`, 1, replay);
      }
      return subscriptions.map(() => 'dead-lettered');
    }
    const outcomes: DeliveryOutcome[] = [];
    for (const subscription of subscriptions) {
      outcomes.push(await this.deliver(subscription, event, message, replay));
    }
    return outcomes;
  }

  private async deliver(
    subscription: Subscription,
    event: IntegrationEvent,
    message: DeliveredMessage | TransportMessage,
    replay?: ReplayInProgress,
  ): Promise<DeliveryOutcome> {
    let attempt = 0;
    for (;;) {
      attempt += 1;
      try {
        return await this.handleOnce(subscription, event, replay);
      } catch (error) {
        // A replay refused (a concurrent one settled the letter first), or one its recorder could
        // not record, is no failure of the handler.
        if (error instanceof ReplayRefusedError || error instanceof ReplayNotRecordedError) throw error;
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
          await this.deadLetter(
            subscription,
            message,
            `handler failed: ${describeError(error)}`,
            attempt,
            replay,
          );
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

  private async handleOnce(
    subscription: Subscription,
    event: IntegrationEvent,
    replay?: ReplayInProgress,
  ): Promise<DeliveryOutcome> {
    const subscriber = this.subscriberName(subscription);
    return this.options.outbox.run(async (unit) => {
      if (replay) {
        const state = await this.options.deadLetters.lockForReplay(unit.manager, replay.deadLetterId);
        if (state !== 'open') {
          throw new ReplayRefusedError(
            state === 'missing' ? 'not-found' : 'already-replayed',
            replay.subject,
          );
        }
      }
      const now = this.options.clock.now();
      const inserted = await unit.manager
        .createQueryBuilder()
        .insert()
        .into(InboxRecordEntity)
        .values({ subscriber, eventId: event.metadata.eventId, eventType: event.type, processedAt: now })
        .orIgnore()
        .returning(['eventId'])
        .execute();
      if ((inserted.raw as unknown[]).length === 0) {
        if (replay) await this.settle(unit.manager, replay, 'duplicate');
        return 'duplicate';
      }
      const context: HandlerContext = {
        manager: unit.manager,
        now,
        emit: (definition, data, options) => {
          const emitted = createEvent(definition, data, {
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
          });
          unit.record(emitted);
          return emitted;
        },
      };
      await subscription.handler.handle(event, context);
      if (replay) await this.settle(unit.manager, replay, 'processed');
      return 'processed';
    });
  }

  private async deadLetter(
    subscription: Subscription,
    message: DeliveredMessage | TransportMessage,
    reason: string,
    attempts: number,
    replay?: ReplayInProgress,
  ): Promise<void> {
    const subscriber = this.subscriberName(subscription);
    const letter = await this.options.deadLetters.record(
      { subscriber, message, reason, attempts },
      replay ? (manager) => this.settle(manager, replay, 'dead-lettered') : undefined,
    );
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
    replay?: ReplayInProgress,
  ): Promise<void> {
    const subscriber = `${this.options.service}.${UNROUTABLE_SUBSCRIBER}`;
    const letter = await this.options.deadLetters.record(
      { subscriber, message, reason, attempts: 1 },
      replay ? (manager) => this.settle(manager, replay, 'dead-lettered') : undefined,
    );
    await this.publishDeadLetter(message, subscriber, reason, 1, letter.id, letter.failedAt);
  }

  private subscriberName(subscription: Subscription): string {
    return `${this.options.service}.${subscription.name}`;
  }
}

/** Subscriber name under which messages no subscription could route are dead-lettered. */
export const UNROUTABLE_SUBSCRIBER = 'unroutable';

function eventEntity(event: IntegrationEvent): string | undefined {
  return event.metadata.actor.entity;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
