import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AllegationReceived, createEvent, type AllegationReceivedEvent } from '@reprisals/contracts';
import { SystemClock } from '@reprisals/kernel';
import { createServiceDataSource, initializeServiceDatabase } from '@reprisals/persistence';
import { uniqueId } from '@reprisals/testing';
import {
  EventEnvelopeCodec,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  ServiceMessaging,
  subscribe,
  type EventHandler,
  type EventTransport,
  type HandlerContext,
} from '../../src';
import { CreatePipelineEffect1767225699000 } from './pipeline-effect.migration';

export const codec = new EventEnvelopeCodec();

/** An allegation event of a given case; the sequence number travels in the reference. */
export function allegationEvent(caseId: string, sequence: number): AllegationReceivedEvent {
  return createEvent(
    AllegationReceived,
    {
      caseId,
      reference: `REP-2026-${String(sequence).padStart(6, '0')}`,
      stateConcerned: 'ABC',
      receivedVia: 'email',
      receivedOn: '2026-05-02',
      leadEntity: 'OHCHR',
      victims: [],
      cooperation: null,
      acts: [],
    },
    {
      caseId,
      actor: { kind: 'user', sub: 'officer-1', entity: 'OHCHR', role: 'intake-officer' },
      occurredAt: new Date(),
    },
  );
}

export async function openServiceDataSource(url: string, schema: string): Promise<DataSource> {
  const dataSource = createServiceDataSource({
    url,
    schema,
    entities: MESSAGING_ENTITIES,
    migrations: [...MESSAGING_MIGRATIONS, CreatePipelineEffect1767225699000],
    applicationName: schema,
    poolSize: 5,
  });
  await initializeServiceDatabase(dataSource);
  return dataSource;
}

/** Writes one effect row per handled event; fails for references listed as poisoned. */
export class RecordEffectHandler implements EventHandler<AllegationReceivedEvent> {
  readonly poisoned = new Set<string>();

  async handle(event: AllegationReceivedEvent, context: HandlerContext): Promise<void> {
    if (this.poisoned.has(event.data.reference)) throw new Error('handler cannot process this reference');
    await context.manager.query(
      `INSERT INTO "${schemaOfManager(context)}"."pipeline_effect" ("event_id", "case_id", "reference") VALUES ($1, $2, $3)`,
      [event.metadata.eventId, event.data.caseId, event.data.reference],
    );
  }
}

function schemaOfManager(context: HandlerContext): string {
  return (context.manager.connection.options as { schema?: string }).schema ?? 'public';
}

export interface Pipeline {
  producer: ServiceMessaging;
  consumer: ServiceMessaging;
  handler: RecordEffectHandler;
  producerSource: DataSource;
  consumerSource: DataSource;
  effects(caseId?: string): Promise<Array<{ event_id: string; case_id: string; reference: string }>>;
  close(): Promise<void>;
}

/**
 * A producing service and a consuming service, each with its own schema, joined by the
 * transport under test. The producer's relay is started by the test when it wants it.
 */
export async function createPipeline(url: string, transport: EventTransport): Promise<Pipeline> {
  const producerSource = await openServiceDataSource(url, uniqueId('producer', '_'));
  const consumerSource = await openServiceDataSource(url, uniqueId('consumer', '_'));
  const clock = new SystemClock();
  const producer = new ServiceMessaging({
    service: 'intake',
    dataSource: producerSource,
    transport,
    codec,
    clock,
    relay: { pollIntervalMs: 50 },
  });
  const consumer = new ServiceMessaging({
    service: `consumer-${randomUUID().slice(0, 8)}`,
    dataSource: consumerSource,
    transport,
    codec,
    clock,
    consumer: { maxAttempts: 3, retryBaseDelayMs: 10 },
  });
  const handler = new RecordEffectHandler();
  consumer.consumer.register(subscribe('record-effect', AllegationReceived, handler));
  const consumerSchema = (consumerSource.options as { schema: string }).schema;
  return {
    producer,
    consumer,
    handler,
    producerSource,
    consumerSource,
    effects: async (caseId) =>
      consumerSource.query<Array<{ event_id: string; case_id: string; reference: string }>>(
        `SELECT "event_id", "case_id", "reference" FROM "${consumerSchema}"."pipeline_effect"
         ${caseId ? 'WHERE "case_id" = $1' : ''} ORDER BY "id"`,
        caseId ? [caseId] : [],
      ),
    close: async () => {
      await producer.relay.stop();
      await producerSource.destroy();
      await consumerSource.destroy();
    },
  };
}
