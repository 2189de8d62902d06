import { randomUUID } from 'node:crypto';
import { Topics } from '@reprisals/contracts';
import { createTestDatabase, eventually, uniqueId, type TestDatabase } from '@reprisals/testing';
import {
  deadLetterTopicOf,
  ServiceMessaging,
  type EventTransport,
  type SettledReplay,
  type TransportMessage,
} from '../src';
import { runTypeScriptChild } from './support/child-process';
import { allegationEvent, codec, createPipeline, type Pipeline } from './support/pipeline.fixture';

/**
 * What the outbox, relay, inbox and dead letters promise, whatever the transport. Both the
 * in-process and the Kafka transport run this same suite against a real PostgreSQL.
 */
export function describeMessagingPipelineContract(
  name: string,
  makeTransport: (namespace: string) => EventTransport,
  timeouts: { delivery: number } = { delivery: 15_000 },
): void {
  describe(`messaging pipeline over ${name}`, () => {
    let database: TestDatabase;
    let transport: EventTransport;
    let pipeline: Pipeline;
    const deadLetterTopic: TransportMessage[] = [];

    beforeAll(async () => {
      database = await createTestDatabase('pipeline');
    });

    afterAll(async () => {
      await database.drop();
    });

    beforeEach(async () => {
      transport = makeTransport(uniqueId('pipeline'));
      pipeline = await createPipeline(database.url, transport);
      deadLetterTopic.length = 0;
      await transport.ensureTopics([Topics.intake]);
      await transport.subscribe({
        group: 'dead-letter-observer',
        topics: [deadLetterTopicOf(Topics.intake)],
        fromBeginning: true,
        handler: async (message) => {
          deadLetterTopic.push(message);
        },
      });
      await pipeline.consumer.consumer.start();
    });

    afterEach(async () => {
      // Consumers stop before their pools close, so no delivery meets a closed pool.
      await transport.close();
      await pipeline.close();
    });

    const wait = (description: string) => ({ timeoutMs: timeouts.delivery, description });

    it('given an event committed with its state change, when the relay runs, then the subscriber handles it once', async () => {
      const caseId = randomUUID();
      await pipeline.producer.outbox.run(async (unit) => {
        unit.record(allegationEvent(caseId, 1));
      });
      pipeline.producer.relay.start();

      const effects = await eventually(
        async () => (await pipeline.effects(caseId)).length === 1 && pipeline.effects(caseId),
        wait('the effect'),
      );
      expect(effects.map((effect) => effect.reference)).toEqual(['REP-2026-000001']);
      await eventually(
        async () => (await pipeline.producer.relay.pending()) === 0 || undefined,
        wait('the outbox to empty'),
      );
    });

    it('given a command that fails, when its transaction rolls back, then its events are never published', async () => {
      const caseId = randomUUID();
      await expect(
        pipeline.producer.outbox.run(async (unit) => {
          unit.record(allegationEvent(caseId, 1));
          throw new Error('the command failed');
        }),
      ).rejects.toThrow('the command failed');
      expect(await pipeline.producer.relay.pending()).toBe(0);
    });

    it('given an event delivered twice, when both arrive, then it has one effect', async () => {
      const caseId = randomUUID();
      const duplicate = codec.encode(allegationEvent(caseId, 1));
      const sentinel = codec.encode(allegationEvent(caseId, 2));

      await transport.publish([duplicate]);
      await transport.publish([duplicate, sentinel]);

      await eventually(
        async () => (await pipeline.effects(caseId)).some((effect) => effect.reference === 'REP-2026-000002'),
        wait('the event after the duplicate'),
      );
      expect((await pipeline.effects(caseId)).map((effect) => effect.reference)).toEqual([
        'REP-2026-000001',
        'REP-2026-000002',
      ]);
    });

    it('given a poison event, when it is consumed, then it lands in the dead-letter topic with its reason and the consumer goes on', async () => {
      const caseId = randomUUID();
      const valid = codec.encode(allegationEvent(caseId, 2));
      const poison: TransportMessage = {
        ...codec.encode(allegationEvent(caseId, 1)),
        value: JSON.stringify({ caseId, reference: 'REP-2026-000001', receivedVia: 'email' }),
      };

      await transport.publish([poison, valid]);

      await eventually(
        async () => (await pipeline.effects(caseId)).length === 1,
        wait('the valid event after the poison'),
      );
      const letters = await pipeline.consumer.deadLetters.list();
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({
        caseId,
        topic: Topics.intake,
        eventType: 'org.un.reprisals.intake.allegation-received',
      });
      expect(letters[0]?.reason).toContain('data.stateConcerned');
      const published = await eventually(() => deadLetterTopic[0], wait('the dead-letter topic'));
      expect(published.headers['dlq_reason']).toContain('data.stateConcerned');
      expect(published.headers['ce_id']).toBe(poison.headers['ce_id']);
      expect(published.value).toBe(poison.value);
    });

    it('given a handler that keeps failing, when its tries run out, then the event is dead-lettered, later ones go on, and a replay after the fix processes it', async () => {
      const caseId = randomUUID();
      pipeline.handler.poisoned.add('REP-2026-000001');
      await transport.publish([
        codec.encode(allegationEvent(caseId, 1)),
        codec.encode(allegationEvent(caseId, 2)),
      ]);

      await eventually(
        async () => (await pipeline.effects(caseId)).length === 1,
        wait('the event after the failing one'),
      );
      const [letter] = await pipeline.consumer.deadLetters.list();
      expect(letter).toMatchObject({ attempts: 3 });
      expect(letter?.reason).toContain('handler failed');

      pipeline.handler.poisoned.clear();
      // What records the replay runs in the transaction of its effect: when it fails, nothing stays.
      await expect(
        pipeline.consumer.consumer.replay(letter!.id, async () => {
          throw new Error('the audit trail is unavailable');
        }),
      ).rejects.toMatchObject({
        name: 'ReplayNotRecordedError',
        cause: new Error('the audit trail is unavailable'),
      });
      expect((await pipeline.effects(caseId)).map((effect) => effect.reference)).toEqual(['REP-2026-000002']);
      expect((await pipeline.consumer.deadLetters.list()).map((listed) => listed.id)).toEqual([letter!.id]);

      const seen: Array<{ replay: SettledReplay; effectsInTransaction: number }> = [];
      await expect(
        pipeline.consumer.consumer.replay(letter!.id, async (manager, replay) => {
          const schema = (manager.connection.options as { schema: string }).schema;
          const [row] = await manager.query<Array<{ count: string }>>(
            `SELECT count(*) AS "count" FROM "${schema}"."pipeline_effect" WHERE "case_id" = $1`,
            [caseId],
          );
          seen.push({ replay, effectsInTransaction: Number(row?.count) });
        }),
      ).resolves.toBe('processed');
      expect(seen).toEqual([
        {
          replay: { deadLetterId: letter!.id, outcome: 'processed', subject: caseId },
          effectsInTransaction: 2,
        },
      ]);
      expect((await pipeline.effects(caseId)).map((effect) => effect.reference).sort()).toEqual([
        'REP-2026-000001',
        'REP-2026-000002',
      ]);
      expect(await pipeline.consumer.deadLetters.list()).toHaveLength(0);

      await expect(pipeline.consumer.consumer.replay(letter!.id)).rejects.toMatchObject({
        name: 'ReplayRefusedError',
        reason: 'already-replayed',
        subject: caseId,
      });
      await expect(pipeline.consumer.consumer.replay(randomUUID())).rejects.toMatchObject({
        reason: 'not-found',
        subject: null,
      });
      expect(await pipeline.effects(caseId)).toHaveLength(2);
    });

    it('given many cases written concurrently, when delivered, then each case keeps its order', async () => {
      const cases = Array.from({ length: 8 }, () => randomUUID());
      const perCase = 12;
      pipeline.producer.relay.start();
      await Promise.all(
        cases.map(async (caseId) => {
          for (let sequence = 1; sequence <= perCase; sequence += 1) {
            await pipeline.producer.outbox.run(async (unit) => {
              unit.record(allegationEvent(caseId, sequence));
            });
          }
        }),
      );

      await eventually(async () => (await pipeline.effects()).length === cases.length * perCase, {
        ...wait('every event'),
        timeoutMs: timeouts.delivery * 2,
      });
      for (const caseId of cases) {
        const references = (await pipeline.effects(caseId)).map((effect) => effect.reference);
        expect(references).toEqual(
          Array.from({ length: perCase }, (_, index) => `REP-2026-${String(index + 1).padStart(6, '0')}`),
        );
      }
    });

    it('given two relays on one outbox, when both run, then every event is delivered in order', async () => {
      const caseId = randomUUID();
      const second = new ServiceMessaging({ ...pipeline.producer.options, relay: { pollIntervalMs: 20 } });
      pipeline.producer.relay.start();
      second.relay.start();
      try {
        for (let sequence = 1; sequence <= 30; sequence += 1) {
          await pipeline.producer.outbox.run(async (unit) => {
            unit.record(allegationEvent(caseId, sequence));
          });
          second.relay.kick();
        }
        await eventually(async () => (await pipeline.effects(caseId)).length === 30, wait('every event'));
        expect((await pipeline.effects(caseId)).map((effect) => effect.reference)).toEqual(
          Array.from({ length: 30 }, (_, index) => `REP-2026-${String(index + 1).padStart(6, '0')}`),
        );
      } finally {
        await second.relay.stop();
      }
    });

    it('given a process killed between commit and publish, when a relay starts again, then everything is delivered', async () => {
      const caseId = randomUUID();
      const schema = (pipeline.producerSource.options as { schema: string }).schema;
      const exit = await runTypeScriptChild([
        'libs/messaging/test/support/commit-then-die.ts',
        database.url,
        schema,
        caseId,
        '5',
      ]);
      expect(exit.signal).toBe('SIGKILL');
      expect(exit.stdout).toContain('committed');
      expect(await pipeline.producer.relay.pending()).toBe(5);
      expect(await pipeline.effects(caseId)).toHaveLength(0);

      pipeline.producer.relay.start();

      await eventually(
        async () => (await pipeline.effects(caseId)).length === 5,
        wait('the events of the dead process'),
      );
      expect((await pipeline.effects(caseId)).map((effect) => effect.reference)).toEqual([
        'REP-2026-000001',
        'REP-2026-000002',
        'REP-2026-000003',
        'REP-2026-000004',
        'REP-2026-000005',
      ]);
    });
  });
}
