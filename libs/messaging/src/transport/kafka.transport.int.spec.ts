import { Kafka, logLevel, Partitioners, type PartitionMetadata } from 'kafkajs';
import type { DeliveredMessage, TransportMessage } from './event-transport';
import { KafkaTransport, type KafkaTransportOptions } from './kafka.transport';
import { describeTransportContract } from './transport-contract.suite';
import {
  deferred,
  eventually,
  freePorts,
  kafkaBrokersForTests,
  recordingHandler,
  recordingLogger,
  uniqueName,
} from './transport.test-support';

const brokers = kafkaBrokersForTests();
const TIMEOUT_MS = 30_000;

const newTransport = (overrides: Partial<KafkaTransportOptions> = {}): KafkaTransport =>
  new KafkaTransport({
    brokers,
    clientId: uniqueName('transport-test'),
    logger: recordingLogger(),
    ...overrides,
  });

describeTransportContract(
  'KafkaTransport',
  () => {
    const transport = newTransport();
    return Promise.resolve({ transport, cleanup: () => transport.close() });
  },
  { timeoutMs: TIMEOUT_MS },
);

/** The partition kafkajs's default (murmur2) partitioner gives a key, for a topic of `count` partitions. */
const partitionOf = (key: string, count: number): number => {
  const partitionMetadata: PartitionMetadata[] = Array.from({ length: count }, (_, partitionId) => ({
    partitionId,
    leader: 1,
    partitionErrorCode: 0,
    replicas: [1],
    isr: [1],
  }));
  return Partitioners.DefaultPartitioner()({
    topic: 'any',
    partitionMetadata,
    message: { key, value: null },
  });
};

describe('KafkaTransport', () => {
  const transport = newTransport();
  const message = (topic: string, value: string, key = 'case-1'): TransportMessage => ({
    topic,
    key,
    headers: { ce_id: value },
    value,
  });
  const freshTopic = async (label: string): Promise<string> => {
    const topic = uniqueName(`transport-${label}`);
    await transport.ensureTopics([topic]);
    return topic;
  };

  afterAll(() => transport.close());

  it('ensureTopics creates each topic and its dead-letter topic with three partitions, and is idempotent', async () => {
    const topic = uniqueName('transport-ensure');
    const admin = new Kafka({
      clientId: 'transport-test-admin',
      brokers,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      await transport.ensureTopics([topic]);
      await transport.ensureTopics([topic]);

      const { topics } = await admin.fetchTopicMetadata({ topics: [topic, `${topic}.dlq`] });
      expect(topics.map(({ name, partitions }) => [name, partitions.length]).sort()).toEqual([
        [topic, 3],
        [`${topic}.dlq`, 3],
      ]);
    } finally {
      await admin.disconnect();
    }
  });

  it('reports up for a live broker and down, quickly, where nothing listens', async () => {
    expect(await transport.health()).toMatchObject({ up: true });

    const [port] = await freePorts(1);
    const nowhere = newTransport({ brokers: [`127.0.0.1:${port}`], healthTimeoutMs: 1_000 });
    try {
      const started = Date.now();
      const health = await nowhere.health();
      expect(health.up).toBe(false);
      expect(health.detail).toEqual(expect.any(String));
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await nowhere.close();
    }
  });

  it('rejects a publish to a topic that was not ensured, and does not create it', async () => {
    const strict = newTransport({ clientRetry: { retries: 1, initialRetryTimeMs: 50 } });
    try {
      const topic = uniqueName('transport-missing');
      await expect(strict.publish([message(topic, 'lost?')])).rejects.toThrow(/publish failed/);
      const admin = new Kafka({
        clientId: 'transport-test-admin',
        brokers,
        logLevel: logLevel.NOTHING,
      }).admin();
      await admin.connect();
      try {
        expect(await admin.listTopics()).not.toContain(topic);
      } finally {
        await admin.disconnect();
      }
    } finally {
      await strict.close();
    }
  });

  it('keeps the other partitions flowing while one message is being redelivered', async () => {
    const topic = await freshTopic('isolation');
    const blockedKey = 'case-blocked';
    const blockedPartition = partitionOf(blockedKey, 3);
    const otherKeys = Array.from({ length: 40 }, (_, index) => `case-${index}`)
      .filter((key) => partitionOf(key, 3) !== blockedPartition)
      .slice(0, 6);
    let released = false;
    const attempts: DeliveredMessage[] = [];
    const handled: DeliveredMessage[] = [];
    await transport.subscribe({
      group: uniqueName('isolation'),
      topics: [topic],
      fromBeginning: true,
      handler: (delivered) => {
        if (delivered.key === blockedKey && !released) {
          attempts.push(delivered);
          return Promise.reject(new Error('database unavailable'));
        }
        handled.push(delivered);
        return Promise.resolve();
      },
    });

    await transport.publish([
      message(topic, 'blocked', blockedKey),
      ...otherKeys.map((key) => message(topic, `other-${key}`, key)),
    ]);

    await eventually(() => handled.length === otherKeys.length && attempts.length >= 2, {
      timeoutMs: TIMEOUT_MS,
      description: 'the other partitions to be consumed while the blocked message is retried',
    });
    expect(handled.map(({ key }) => key)).not.toContain(blockedKey);
    expect(new Set(attempts.map(({ position }) => position)).size).toBe(1);

    released = true;
    await eventually(() => handled.some(({ key }) => key === blockedKey), {
      timeoutMs: TIMEOUT_MS,
      description: 'the blocked message to be delivered once its handler succeeds',
    });
  });

  it('never commits past a message whose handler rejects: another member of the group gets it', async () => {
    const topic = await freshTopic('uncommitted');
    const group = uniqueName('uncommitted');
    const failing = newTransport();
    const handledByFailing: string[] = [];
    let rejections = 0;
    await failing.subscribe({
      group,
      topics: [topic],
      fromBeginning: true,
      handler: (delivered) => {
        if (delivered.value === 'second') {
          rejections += 1;
          return Promise.reject(new Error('database unavailable'));
        }
        handledByFailing.push(delivered.value);
        return Promise.resolve();
      },
    });
    await transport.publish([message(topic, 'first'), message(topic, 'second')]);
    await eventually(() => handledByFailing.includes('first') && rejections >= 1, {
      timeoutMs: TIMEOUT_MS,
      description: 'the first message handled and the second rejected',
    });
    await failing.close();

    const successor = newTransport();
    try {
      const handler = recordingHandler();
      await successor.subscribe({ group, topics: [topic], fromBeginning: true, handler });
      await eventually(() => handler.received.length >= 1, {
        timeoutMs: TIMEOUT_MS,
        description: 'the rejected message to reach the next member',
      });
      expect(handler.received.map(({ value }) => value)).toEqual(['second']);
    } finally {
      await successor.close();
    }
  });

  it('close() lets the handler in flight finish and commits it', async () => {
    const topic = await freshTopic('drain');
    const group = uniqueName('drain');
    const closing = newTransport();
    const gate = deferred();
    const started: string[] = [];
    const finished: string[] = [];
    await closing.subscribe({
      group,
      topics: [topic],
      fromBeginning: true,
      handler: async (delivered) => {
        started.push(delivered.value);
        if (delivered.value === 'slow') await gate.promise;
        finished.push(delivered.value);
      },
    });
    await transport.publish([message(topic, 'quick'), message(topic, 'slow')]);
    await eventually(() => started.includes('slow'), {
      timeoutMs: TIMEOUT_MS,
      description: 'the slow handler to start',
    });

    let closed = false;
    const close = closing.close().then(() => (closed = true));
    await Promise.resolve();
    expect(closed).toBe(false);
    gate.resolve();
    await close;
    expect(finished).toEqual(['quick', 'slow']);

    const successor = newTransport();
    try {
      const handler = recordingHandler();
      await successor.subscribe({ group, topics: [topic], fromBeginning: true, handler });
      await transport.publish([message(topic, 'after')]);
      await eventually(() => handler.received.length >= 1, {
        timeoutMs: TIMEOUT_MS,
        description: 'the next message to reach the next member',
      });
      expect(handler.received.map(({ value }) => value)).toEqual(['after']);
    } finally {
      await successor.close();
    }
  });

  it('keeps consuming through rebalances as members join and leave the group', async () => {
    const topic = await freshTopic('rebalance');
    const group = uniqueName('rebalance');
    const keys = Array.from({ length: 12 }, (_, index) => `case-${index}`);
    const batch = (label: string): TransportMessage[] =>
      keys.map((key) => message(topic, `${label}/${key}`, key));
    const values = (...handlers: Array<ReturnType<typeof recordingHandler>>): string[] =>
      handlers.flatMap((handler) => handler.received.map(({ value }) => value));
    const first = recordingHandler();
    const second = recordingHandler();
    const joining = newTransport();
    await transport.subscribe({ group, topics: [topic], fromBeginning: true, handler: first });
    await transport.publish(batch('alone'));
    await eventually(
      () => values(first).filter((value) => value.startsWith('alone/')).length === keys.length,
      {
        timeoutMs: TIMEOUT_MS,
        description: 'the only member to receive the first batch',
      },
    );

    try {
      await joining.subscribe({ group, topics: [topic], fromBeginning: true, handler: second });
      await transport.publish(batch('shared'));
      await eventually(
        () =>
          new Set(values(first, second).filter((value) => value.startsWith('shared/'))).size === keys.length,
        {
          timeoutMs: TIMEOUT_MS,
          description: 'the two members to receive the second batch between them',
        },
      );
      expect(second.received.length).toBeGreaterThan(0);
    } finally {
      await joining.close();
    }

    await transport.publish(batch('left'));
    await eventually(
      () => values(first).filter((value) => value.startsWith('left/')).length === keys.length,
      {
        timeoutMs: TIMEOUT_MS,
        description: 'the remaining member to take every partition back',
      },
    );
    // Handled messages were committed: nothing of the first batch came again.
    expect(values(first, second).filter((value) => value.startsWith('alone/'))).toHaveLength(keys.length);
  });

  it('without fromBeginning, a new group gets what is published once subscribe resolved, and nothing before', async () => {
    const topic = await freshTopic('latest');
    await transport.publish([message(topic, 'before')]);
    const handler = recordingHandler();
    await transport.subscribe({ group: uniqueName('latest'), topics: [topic], handler });

    await transport.publish([message(topic, 'after')]);

    await eventually(() => handler.received.length >= 1, {
      timeoutMs: TIMEOUT_MS,
      description: 'the message to arrive',
    });
    // Same key, same partition: had "before" been delivered, it would have come first.
    expect(handler.received.map(({ value }) => value)).toEqual(['after']);
  });
});
