import type { EntityManager } from 'typeorm';
import type { IntegrationEvent } from '@reprisals/contracts';
import type { Clock } from '@reprisals/kernel';
import { injectTraceContext } from '@reprisals/observability';
import type { EventEnvelopeCodec } from '../envelope/event-envelope.codec';
import { OutboxMessageEntity } from './outbox-message.entity';

/** Encodes events (validating them against their contract) into outbox rows of the current transaction. */
export class OutboxWriter {
  constructor(
    private readonly codec: EventEnvelopeCodec,
    private readonly clock: Clock,
  ) {}

  async append(manager: EntityManager, events: readonly IntegrationEvent[]): Promise<void> {
    if (events.length === 0) return;
    const trace: Record<string, string> = {};
    injectTraceContext(trace);
    const createdAt = this.clock.now();
    const rows = events.map((event) => {
      const message = this.codec.encode(event, trace);
      return {
        eventId: event.metadata.eventId,
        eventType: message.headers['ce_type'] ?? event.type,
        topic: message.topic,
        messageKey: message.key,
        headers: message.headers,
        payload: message.value,
        createdAt,
        publishedAt: null,
        publishAttempts: 0,
        lastError: null,
      };
    });
    await manager.getRepository(OutboxMessageEntity).insert(rows);
  }
}
