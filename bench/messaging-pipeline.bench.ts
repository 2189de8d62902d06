/**
 * Commands that each commit a state change and its event through the transactional outbox,
 * delivered by the relay to a consumer that records it with its inbox (in-process transport,
 * real PostgreSQL). Baseline: the same number of bare single-row INSERT transactions.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AllegationReceived, createEvent } from '@reprisals/contracts';
import { SystemClock } from '@reprisals/kernel';
import {
  EventEnvelopeCodec,
  InProcessTransport,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  ServiceMessaging,
  subscribe,
} from '@reprisals/messaging';
import { createServiceDataSource, initializeServiceDatabase } from '@reprisals/persistence';
import { createTestDatabase } from '@reprisals/testing';
import { measure, printComparison, progress } from './bench-report';

async function openSource(url: string, schema: string): Promise<DataSource> {
  const dataSource = createServiceDataSource({
    url,
    schema,
    entities: MESSAGING_ENTITIES,
    migrations: MESSAGING_MIGRATIONS,
    applicationName: `bench-${schema}`,
  });
  await initializeServiceDatabase(dataSource);
  return dataSource;
}

export async function benchMessagingPipeline(count = 2_000, concurrency = 8): Promise<void> {
  const database = await createTestDatabase('bench');
  try {
    const producerSource = await openSource(database.url, 'bench_producer');
    const consumerSource = await openSource(database.url, 'bench_consumer');
    await producerSource.query(
      'CREATE TABLE bench_producer.baseline_row (id UUID PRIMARY KEY, payload TEXT NOT NULL)',
    );
    const transport = new InProcessTransport();
    const clock = new SystemClock();
    const codec = new EventEnvelopeCodec();
    const producer = new ServiceMessaging({
      service: 'intake',
      dataSource: producerSource,
      transport,
      codec,
      clock,
    });
    const consumer = new ServiceMessaging({
      service: 'bench',
      dataSource: consumerSource,
      transport,
      codec,
      clock,
    });
    let delivered = 0;
    let allDelivered: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allDelivered = resolve));
    consumer.consumer.register(
      subscribe('count', AllegationReceived, {
        handle: async () => {
          delivered += 1;
          if (delivered === count) allDelivered();
        },
      }),
    );
    await consumer.consumer.start();
    producer.relay.start();

    const runConcurrently = async (work: (index: number) => Promise<void>): Promise<void> => {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < count) {
            const index = next++;
            await work(index);
          }
        }),
      );
    };

    progress(`messaging pipeline: ${count} commands, ${concurrency} at a time`);
    const baseline = await measure('bare INSERT transactions', count, () =>
      runConcurrently(async () => {
        await producerSource.transaction(async (manager) => {
          await manager.query('INSERT INTO bench_producer.baseline_row (id, payload) VALUES ($1, $2)', [
            randomUUID(),
            'x'.repeat(300),
          ]);
        });
      }),
    );
    const subject = await measure('outbox + relay + inbox, delivered', count, async () => {
      await runConcurrently(async () => {
        const caseId = randomUUID();
        await producer.outbox.run(async (unit) => {
          unit.record(
            createEvent(
              AllegationReceived,
              {
                caseId,
                reference: 'REP-2026-000123',
                stateConcerned: 'BLR',
                receivedVia: 'email',
                receivedOn: '2026-05-02',
                leadEntity: 'OHCHR',
                victims: [],
                cooperation: null,
                acts: [],
              },
              { caseId, actor: { kind: 'system', service: 'intake' }, occurredAt: clock.now() },
            ),
          );
        });
      });
      await done;
    });
    printComparison(
      'Messaging pipeline: command committed with its event, until the consumer handled it',
      baseline,
      subject,
    );
    await producer.relay.stop();
    await transport.close();
    await producerSource.destroy();
    await consumerSource.destroy();
  } finally {
    await database.drop();
  }
}
