import { CloudEvent, Kafka, type KafkaMessage } from 'cloudevents';
import {
  EventCatalogue,
  eventMetadataSchema,
  upcastData,
  type ActorRef,
  type EventDefinition,
  type EventMetadata,
  type IntegrationEvent,
} from '@reprisals/contracts';
import type { TransportMessage } from '../transport/event-transport';
import { ContractViolationError } from './contract-violation.error';
import { CE_TYPE_HEADER, EVENT_SOURCE_PREFIX, EXTENSIONS, TRACE_HEADERS } from './envelope-headers';

export type DecodedEvent = { event: IntegrationEvent; definition: EventDefinition };

const JSON_CONTENT_TYPE = 'application/json';

/**
 * Turns integration events into CloudEvents 1.0 Kafka binary-mode messages and back.
 * Validates the payload against its contract both ways, and upcasts older schema
 * versions on read. The same bytes travel over Kafka and in-process.
 */
export class EventEnvelopeCodec {
  constructor(private readonly catalogue: EventCatalogue = new EventCatalogue()) {}

  /** The definition of an event type; several producers may publish one type, each on its topic. */
  definitionOf(type: string, producer?: string): EventDefinition {
    const definition = this.catalogue
      .definitions()
      .find(
        (candidate) => candidate.type === type && (producer === undefined || candidate.producer === producer),
      );
    if (!definition) throw new ContractViolationError(type, [`unknown event type ${type}`]);
    return definition;
  }

  encode(event: IntegrationEvent, traceHeaders: Record<string, string> = {}): TransportMessage {
    const definition = this.definitionOf(event.type, event.metadata.producer);
    const metadata = eventMetadataSchema.safeParse(event.metadata);
    if (!metadata.success)
      throw ContractViolationError.fromZod(definition.wireType, metadata.error, 'metadata');
    const data = definition.schema.safeParse(event.data);
    if (!data.success) throw ContractViolationError.fromZod(definition.wireType, data.error);
    if (metadata.data.schemaVersion !== definition.version) {
      throw new ContractViolationError(definition.wireType, [
        `metadata.schemaVersion: ${metadata.data.schemaVersion} is not the current version ${definition.version}`,
      ]);
    }
    const cloudEvent = new CloudEvent<unknown>(
      {
        id: metadata.data.eventId,
        source: `${EVENT_SOURCE_PREFIX}${metadata.data.producer}`,
        type: definition.wireType,
        subject: metadata.data.caseId,
        time: metadata.data.occurredAt,
        datacontenttype: JSON_CONTENT_TYPE,
        dataschema: `urn:reprisals:event:${definition.wireType}:v${definition.version}`,
        data: data.data,
        partitionkey: metadata.data.caseId,
        ...toExtensions(metadata.data),
      },
      true,
    );
    const message: KafkaMessage<unknown> = Kafka.binary(cloudEvent);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(message.headers)) {
      if (value !== undefined && value !== null) headers[name] = String(value);
    }
    for (const name of TRACE_HEADERS) {
      const value = traceHeaders[name];
      if (value) headers[name] = value;
    }
    return { topic: definition.topic, key: metadata.data.caseId, headers, value: JSON.stringify(data.data) };
  }

  /** Whether a contract declares this wire type. */
  knows(wireType: string): boolean {
    return this.catalogue.findByWireType(wireType) !== undefined;
  }

  /** The CloudEvents type of a message, read from its header without decoding it. */
  wireTypeOf(message: TransportMessage): string | undefined {
    return message.headers[CE_TYPE_HEADER];
  }

  /** Decodes, validates and upcasts. Throws ContractViolationError for anything that breaks the contract. */
  decode(message: TransportMessage): DecodedEvent {
    const wireType = this.wireTypeOf(message) ?? '';
    const definition = this.catalogue.findByWireType(wireType);
    if (!definition) throw new ContractViolationError(wireType, ['ce_type: unknown event type']);
    let cloudEvent: CloudEvent<unknown>;
    try {
      cloudEvent = Kafka.toEvent({
        headers: message.headers,
        key: message.key,
        value: message.value,
      } as KafkaMessage<string>) as CloudEvent<unknown>;
      cloudEvent.validate();
    } catch (error) {
      throw new ContractViolationError(wireType, [`envelope: not a valid CloudEvent (${describe(error)})`]);
    }
    const metadata = eventMetadataSchema.safeParse(fromExtensions(cloudEvent));
    if (!metadata.success) throw ContractViolationError.fromZod(wireType, metadata.error, 'metadata');
    if (message.key !== metadata.data.caseId) {
      throw new ContractViolationError(wireType, ['key: does not match the event subject']);
    }
    let upcast: unknown;
    try {
      upcast = upcastData(definition, metadata.data.schemaVersion, cloudEvent.data);
    } catch (error) {
      throw new ContractViolationError(wireType, [`metadata.schemaVersion: ${describe(error)}`]);
    }
    const data = definition.schema.safeParse(upcast);
    if (!data.success) throw ContractViolationError.fromZod(wireType, data.error);
    return {
      definition,
      event: {
        type: definition.type,
        data: data.data,
        metadata: { ...metadata.data, schemaVersion: definition.version },
      },
    };
  }
}

function toExtensions(metadata: EventMetadata): Record<string, string> {
  const extensions: Record<string, string> = {
    [EXTENSIONS.schemaVersion]: String(metadata.schemaVersion),
    [EXTENSIONS.correlationId]: metadata.correlationId,
    [EXTENSIONS.actorKind]: metadata.actor.kind,
  };
  if (metadata.causationId) extensions[EXTENSIONS.causationId] = metadata.causationId;
  if (metadata.policyVersion) extensions[EXTENSIONS.policyVersion] = metadata.policyVersion;
  if (metadata.actor.kind === 'user') {
    extensions[EXTENSIONS.actorSub] = metadata.actor.sub;
    extensions[EXTENSIONS.actorEntity] = metadata.actor.entity;
    extensions[EXTENSIONS.actorRole] = metadata.actor.role;
  } else {
    extensions[EXTENSIONS.actorService] = metadata.actor.service;
    if (metadata.actor.entity) extensions[EXTENSIONS.actorEntity] = metadata.actor.entity;
  }
  return extensions;
}

function fromExtensions(event: CloudEvent<unknown>): Record<string, unknown> {
  const read = (name: string): string | undefined => {
    const value = (event as unknown as Record<string, unknown>)[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };
  const entity = read(EXTENSIONS.actorEntity);
  const actor: ActorRef | Record<string, unknown> =
    read(EXTENSIONS.actorKind) === 'user'
      ? { kind: 'user', sub: read(EXTENSIONS.actorSub), entity, role: read(EXTENSIONS.actorRole) }
      : {
          kind: read(EXTENSIONS.actorKind),
          service: read(EXTENSIONS.actorService),
          ...(entity ? { entity } : {}),
        };
  const causationId = read(EXTENSIONS.causationId);
  const policyVersion = read(EXTENSIONS.policyVersion);
  return {
    eventId: event.id,
    caseId: event.subject,
    occurredAt: event.time,
    producer: event.source.startsWith(EVENT_SOURCE_PREFIX)
      ? event.source.slice(EVENT_SOURCE_PREFIX.length)
      : event.source,
    schemaVersion: Number(read(EXTENSIONS.schemaVersion)),
    actor,
    correlationId: read(EXTENSIONS.correlationId),
    ...(causationId ? { causationId } : {}),
    ...(policyVersion ? { policyVersion } : {}),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
}
