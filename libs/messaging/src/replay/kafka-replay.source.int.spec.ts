import { Kafka, logLevel } from 'kafkajs';
import { committedOffsets } from '../transport/kafka-inspection';
import { KafkaTransport } from '../transport/kafka.transport';
import type { DeliveredMessage, TransportMessage } from '../transport/event-transport';
import { kafkaBrokersForTests, recordingLogger, uniqueName } from '../transport/transport.test-support';
import { KafkaReplaySource } from './kafka-replay.source';

const brokers = kafkaBrokersForTests();

describe('KafkaReplaySource', () => {
  const transport = new KafkaTransport({
    brokers,
    clientId: uniqueName('replay-test'),
    logger: recordingLogger(),
  });
  const source = new KafkaReplaySource({
    brokers,
    clientId: uniqueName('replay'),
    logger: recordingLogger(),
  });
  afterAll(() => transport.close());

  /** Message `index` of `key` on `topic`: its value names all three, so order can be checked. */
  const message = (topic: string, key: string, index: number): TransportMessage => ({
    topic,
    key,
    headers: { ce_id: `${topic}/${key}/${index}` },
    value: JSON.stringify({ topic, key, index }),
  });
  const keys = ['case-a', 'case-b', 'case-c', 'case-d', 'case-e'];
  const batch = (topics: string[], from: number, to: number): TransportMessage[] =>
    topics.flatMap((topic) =>
      Array.from({ length: to - from }, (_, offset) => from + offset).flatMap((index) =>
        keys.map((key) => message(topic, key, index)),
      ),
    );

  it('given messages on fresh topics, when replayed while more are published, then it delivers exactly those before its start, each key in order, and stops at the end offsets', async () => {
    const topics = [uniqueName('replay-first'), uniqueName('replay-second')];
    await transport.ensureTopics(topics);
    const before = batch(topics, 0, 6);
    await transport.publish(before);

    const log = await source.open([...topics, uniqueName('replay-never-written')]);
    expect(log.total).toBe(before.length);
    expect(log.gaps).toEqual([]);
    // Written after the end was fixed: never replayed, while being published during the replay.
    await transport.publish(batch(topics, 6, 8));
    const delivered: DeliveredMessage[] = [];
    const progress: number[] = [];
    const publishing = (async () => {
      for (let index = 8; index < 14; index++) await transport.publish(batch(topics, index, index + 1));
    })();
    const count = await log.replay(
      async (received) => {
        delivered.push(received);
        await Promise.resolve();
      },
      (replayed) => progress.push(replayed),
    );
    await publishing;
    await log.close();

    expect(count).toBe(before.length);
    expect(progress.at(-1)).toBe(before.length);
    expect(delivered.map((received) => received.headers['ce_id']).sort()).toEqual(
      before.map((sent) => sent.headers['ce_id']).sort(),
    );
    for (const topic of topics)
      for (const key of keys) {
        const indexes = delivered
          .filter((received) => received.topic === topic && received.key === key)
          .map((received) => (JSON.parse(received.value) as { index: number }).index);
        expect(indexes).toEqual([0, 1, 2, 3, 4, 5]);
      }
  });

  it('given topics under a namespace, when replayed, then it reads the namespaced topics and delivers under the contract names, with a group of its own under the namespace that close() deletes', async () => {
    const namespace = uniqueName('replay-ns');
    const topic = uniqueName('replay-contract');
    await transport.ensureTopics([`${namespace}.${topic}`]);
    await transport.publish([{ ...message(`${namespace}.${topic}`, 'case-a', 0) }]);
    const log = await new KafkaReplaySource({ brokers, namespace, logger: recordingLogger() }).open([topic]);
    const delivered: DeliveredMessage[] = [];
    const groupsWhileReplaying: string[] = [];
    await expect(
      log.replay(async (received) => {
        delivered.push(received);
        groupsWhileReplaying.push(
          ...Object.keys(await committedOffsets({ brokers, prefix: `${namespace}.reprisals.replay.` })),
        );
      }),
    ).resolves.toBe(1);
    await log.close();
    expect(delivered.map((received) => received.topic)).toEqual([topic]);
    expect(groupsWhileReplaying).toHaveLength(1);
    expect(await committedOffsets({ brokers, prefix: namespace })).toEqual({});
  });

  it('given a partition whose first records were deleted, when opened, then the log names the gap', async () => {
    const topic = uniqueName('replay-truncated');
    await transport.ensureTopics([topic]);
    await transport.publish(batch([topic], 0, 4));
    const admin = new Kafka({
      clientId: uniqueName('replay-admin'),
      brokers,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      const written = (await admin.fetchTopicOffsets(topic)).find(({ high }) => Number(high) >= 2)!;
      await admin.deleteTopicRecords({ topic, partitions: [{ partition: written.partition, offset: '1' }] });
    } finally {
      await admin.disconnect();
    }
    const log = await source.open([topic]);
    await log.close();
    expect(log.gaps).toEqual([
      expect.stringMatching(
        new RegExp(`^${topic} partition \\d+ starts at offset 1 \\(earlier records were deleted\\)$`),
      ),
    ]);
    expect(log.total).toBe(batch([topic], 0, 4).length - 1);
  });

  it('given a deliver that fails, when replayed, then the replay stops with its error', async () => {
    const topic = uniqueName('replay-failing');
    await transport.ensureTopics([topic]);
    await transport.publish(batch([topic], 0, 2));
    const log = await source.open([topic]);
    let calls = 0;
    await expect(
      log.replay(() => {
        calls += 1;
        return Promise.reject(new Error('projection failed'));
      }),
    ).rejects.toThrow('projection failed');
    await log.close();
    expect(calls).toBe(1);
  });

  it('given topics nobody wrote to, when replayed, then it is empty and ends at once', async () => {
    const topic = uniqueName('replay-empty');
    await transport.ensureTopics([topic]);
    const log = await source.open([topic]);
    expect(log.total).toBe(0);
    await expect(log.replay(() => Promise.resolve())).resolves.toBe(0);
    await log.close();
  });
});
