import type { EntityManager } from 'typeorm';
import type { IntegrationEvent } from '@reprisals/contracts';
import { timelineDetailOf } from '../../domain/timeline-detail';
import { TimelineEntryEntity } from '../../infrastructure/persistence/timeline-entry.entity';

/** Adds an event to its case's timeline: ids, roles and versions, never identities. */
export async function recordTimelineEntry(
  manager: EntityManager,
  event: IntegrationEvent,
  now: Date,
): Promise<void> {
  const { metadata } = event;
  const actor = metadata.actor;
  await manager
    .createQueryBuilder()
    .insert()
    .into(TimelineEntryEntity)
    .values({
      eventId: metadata.eventId,
      caseId: metadata.caseId,
      eventType: event.type,
      occurredAt: new Date(metadata.occurredAt),
      service: metadata.producer,
      actorKind: actor.kind,
      actorSub: actor.kind === 'user' ? actor.sub : null,
      actorRole: actor.kind === 'user' ? actor.role : null,
      actorEntity: actor.entity ?? null,
      policyVersion: metadata.policyVersion ?? null,
      causationId: metadata.causationId ?? null,
      correlationId: metadata.correlationId,
      detail: timelineDetailOf(event.data),
      recordedAt: now,
    })
    .orIgnore()
    .execute();
}
