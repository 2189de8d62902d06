import { randomUUID } from 'node:crypto';
import { Topics } from '@reprisals/contracts';
import {
  createTestDatabase,
  eventually,
  testKafkaBrokers,
  uniqueId,
  type TestDatabase,
} from '@reprisals/testing';
import { KafkaTransport, NamespacedTransport, type EventTransport } from '../src';
import { runTypeScriptChild } from './support/child-process';
import { allegationEvent, createPipeline, type Pipeline } from './support/pipeline.fixture';

describe('a relay process killed after Kafka acknowledged but before it marked its rows', () => {
  let database: TestDatabase;
  let transport: EventTransport;
  let pipeline: Pipeline;
  let namespace: string;

  beforeAll(async () => {
    database = await createTestDatabase('kafka_crash');
    namespace = uniqueId('crash');
    transport = new NamespacedTransport(
      new KafkaTransport({ brokers: testKafkaBrokers(), clientId: namespace }),
      namespace,
    );
    pipeline = await createPipeline(database.url, transport);
    await transport.ensureTopics([Topics.intake]);
    await pipeline.consumer.consumer.start();
  });

  afterAll(async () => {
    await transport.close();
    await pipeline.close();
    await database.drop();
  });

  it('given the events reached the broker, when a relay starts again and republishes them, then each has exactly one effect', async () => {
    const caseId = randomUUID();
    const schema = (pipeline.producerSource.options as { schema: string }).schema;

    const exit = await runTypeScriptChild([
      'libs/messaging/test/support/publish-then-die.ts',
      database.url,
      schema,
      caseId,
      '5',
      testKafkaBrokers().join(','),
      namespace,
    ]);
    expect(exit.signal).toBe('SIGKILL');
    expect(exit.stdout).toContain('published 5');
    expect(await pipeline.producer.relay.pending()).toBe(5);
    await eventually(async () => (await pipeline.effects(caseId)).length === 5, {
      timeoutMs: 30_000,
      description: 'the first delivery',
    });

    pipeline.producer.relay.start();
    await eventually(async () => (await pipeline.producer.relay.pending()) === 0, {
      timeoutMs: 30_000,
      description: 'the restarted relay to republish',
    });
    await pipeline.producer.outbox.run(async (unit) => {
      unit.record(allegationEvent(caseId, 6));
    });
    await eventually(async () => (await pipeline.effects(caseId)).length >= 6, {
      timeoutMs: 30_000,
      description: 'the event after the republished ones',
    });

    const references = (await pipeline.effects(caseId)).map((effect) => effect.reference);
    expect(references).toEqual([1, 2, 3, 4, 5, 6].map((n) => `REP-2026-${String(n).padStart(6, '0')}`));
  });
});
