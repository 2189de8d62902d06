import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  closeServiceDatabase,
  createServiceDataSource,
  initializeServiceDatabase,
} from '@reprisals/persistence';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '../messaging-schema';
import type { DeliveredMessage } from '../transport/event-transport';
import { OutboxReplaySource } from './outbox-replay.source';

describe('OutboxReplaySource', () => {
  let database: TestDatabase;
  let reader: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('outbox_replay');
    // Two services' outbox tables, made by the messaging migrations as each service's are.
    for (const schema of ['first_service', 'second_service']) {
      const dataSource = createServiceDataSource({
        url: database.url,
        schema,
        entities: MESSAGING_ENTITIES,
        migrations: MESSAGING_MIGRATIONS,
        applicationName: 'outbox-replay-test',
      });
      await initializeServiceDatabase(dataSource);
      await closeServiceDatabase(dataSource);
    }
    reader = new DataSource({ type: 'postgres', url: database.url, poolSize: 1 });
    await reader.initialize();
  });

  afterAll(async () => {
    await reader?.destroy();
    await database?.drop();
  });

  /** An outbox row written at `minute`, published unless said otherwise. */
  const write = async (
    schema: string,
    row: { topic: string; key: string; label: string; minute: number; published?: boolean },
  ): Promise<void> => {
    const at = new Date(Date.UTC(2026, 10, 30, 9, row.minute));
    await reader.query(
      `INSERT INTO "${schema}"."outbox_message"
         ("event_id", "event_type", "topic", "message_key", "headers", "payload", "created_at", "published_at")
       VALUES ($1, 'Test', $2, $3, $4, $5, $6, $7)`,
      [
        randomUUID(),
        row.topic,
        row.key,
        { ce_id: row.label },
        JSON.stringify({ label: row.label }),
        at,
        row.published === false ? null : at,
      ],
    );
  };

  it('given the outbox tables of two services, when replayed, then the published rows of the topics come in the order each table published them, the tables merged by time, the unpublished counted and left out', async () => {
    await write('first_service', { topic: 'first', key: 'case-a', label: 'a1', minute: 1 });
    await write('second_service', { topic: 'second', key: 'case-a', label: 'a2', minute: 2 });
    await write('first_service', { topic: 'first', key: 'case-b', label: 'b1', minute: 3 });
    // Written later in this table but stamped earlier: a table's own order still holds.
    await write('first_service', { topic: 'first', key: 'case-a', label: 'a3', minute: 0 });
    await write('second_service', { topic: 'second', key: 'case-b', label: 'b2', minute: 4 });
    await write('second_service', { topic: 'elsewhere', key: 'case-a', label: 'other-topic', minute: 5 });
    await write('first_service', {
      topic: 'first',
      key: 'case-a',
      label: 'unpublished',
      minute: 6,
      published: false,
    });

    const source = new OutboxReplaySource({
      dataSource: reader,
      schemas: ['first_service', 'second_service'],
      pageSize: 2,
    });
    const log = await source.open(['first', 'second']);
    expect(log).toMatchObject({ total: 5, notYetPublished: 1, gaps: [] });
    // Written after the end was fixed: not replayed.
    await write('second_service', { topic: 'second', key: 'case-c', label: 'too-late', minute: 7 });
    const delivered: DeliveredMessage[] = [];
    await expect(log.replay(async (message) => void delivered.push(message))).resolves.toBe(5);

    expect(delivered.map((message) => message.headers['ce_id'])).toEqual(['a1', 'a2', 'b1', 'a3', 'b2']);
    expect(delivered[1]).toMatchObject({
      topic: 'second',
      key: 'case-a',
      value: JSON.stringify({ label: 'a2' }),
      position: expect.stringMatching(/^second_service:\d+$/),
    });
  });

  it('given a schema without an outbox table, when opened, then the gap is named', async () => {
    const log = await new OutboxReplaySource({
      dataSource: reader,
      schemas: ['first_service', 'absent'],
    }).open(['first']);
    expect(log.gaps).toEqual(['absent.outbox_message does not exist']);
  });

  it('given a deliver that fails, when replayed, then the replay stops with its error', async () => {
    const log = await new OutboxReplaySource({ dataSource: reader, schemas: ['first_service'] }).open([
      'first',
    ]);
    let calls = 0;
    await expect(
      log.replay(() => {
        calls += 1;
        return Promise.reject(new Error('projection failed'));
      }),
    ).rejects.toThrow('projection failed');
    expect(calls).toBe(1);
  });
});
