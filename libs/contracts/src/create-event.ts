import { randomUUID } from 'node:crypto';
import type { ActorRef } from './event-metadata';
import type { DataOf, EventDefinition, EventOf } from './integration-event';

export interface NewEventContext {
  caseId: string;
  actor: ActorRef;
  occurredAt: Date;
  /** Groups every event that follows from one request; defaults to a new id. */
  correlationId?: string;
  /** The event that caused this one, when a consumer reacts to another service. */
  causationId?: string;
  policyVersion?: string;
}

/** Builds an integration event with fresh id and complete metadata. */
export function createEvent<TDef extends EventDefinition>(
  definition: TDef,
  data: DataOf<TDef>,
  context: NewEventContext,
): EventOf<TDef> {
  return {
    type: definition.type,
    data,
    metadata: {
      eventId: randomUUID(),
      caseId: context.caseId,
      occurredAt: context.occurredAt.toISOString(),
      producer: definition.producer,
      schemaVersion: definition.version,
      actor: context.actor,
      correlationId: context.correlationId ?? randomUUID(),
      ...(context.causationId ? { causationId: context.causationId } : {}),
      ...(context.policyVersion ? { policyVersion: context.policyVersion } : {}),
    },
  } as EventOf<TDef>;
}
