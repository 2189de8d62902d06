import type { TransportMessage } from './event-transport';
import { ownBroker, type OwnBroker } from './kafka-broker.test-support';
import { KafkaTransport } from './kafka.transport';
import { eventually, recordingHandler, recordingLogger, uniqueName } from './transport.test-support';

describe('KafkaTransport across a broker restart', () => {
  let broker: OwnBroker;

  beforeAll(async () => {
    broker = await ownBroker();
    await broker.start();
  }, 90_000);
  afterAll(() => broker?.destroy(), 60_000);

  it('resumes consuming, whether kafkajs restarts the consumer or the transport recreates it', async () => {
    const logger = recordingLogger();
    // The broker's minimum session timeout: a consumer restarted with a new member id waits for
    // the old member (reloaded with the group) to expire.
    const consumer = { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000 };
    const restartedByKafkajs = new KafkaTransport({
      brokers: broker.brokers,
      clientId: uniqueName('restart'),
      logger,
      consumer,
    });
    const recreatedByTransport = new KafkaTransport({
      brokers: broker.brokers,
      clientId: uniqueName('recreate'),
      logger,
      consumer: { ...consumer, restartOnFailure: () => Promise.resolve(false) },
    });
    try {
      const topic = uniqueName('transport-restart');
      await restartedByKafkajs.ensureTopics([topic]);
      const first = recordingHandler();
      const second = recordingHandler();
      const groups = [uniqueName('restarted'), uniqueName('recreated')] as const;
      await restartedByKafkajs.subscribe({
        group: groups[0],
        topics: [topic],
        fromBeginning: true,
        handler: first,
      });
      await recreatedByTransport.subscribe({
        group: groups[1],
        topics: [topic],
        fromBeginning: true,
        handler: second,
      });
      const message = (value: string): TransportMessage => ({
        topic,
        key: 'case-restart',
        headers: { ce_id: value },
        value,
      });
      const values = (handler: typeof first): string[] => handler.received.map(({ value }) => value);

      await restartedByKafkajs.publish([message('before')]);
      await eventually(() => values(first).includes('before') && values(second).includes('before'), {
        timeoutMs: 20_000,
        description: 'both groups to consume the first message',
      });

      await broker.stop();
      // Wait until both consumers crashed, so both recovery paths run.
      const crashed = (group: string, restart: boolean): boolean =>
        logger.entries.some(
          (entry) =>
            entry.message.startsWith('consumer crashed') &&
            entry.fields['group'] === group &&
            entry.fields['restart'] === restart,
        );
      await eventually(() => crashed(groups[0], true) && crashed(groups[1], false), {
        timeoutMs: 30_000,
        intervalMs: 100,
        description: 'both consumers to crash while the broker is down',
      });
      await broker.start();

      await eventually(
        async () => {
          await restartedByKafkajs.publish([message('after')]);
          return true;
        },
        { timeoutMs: 30_000, intervalMs: 250, description: 'a publish to succeed after the restart' },
      );
      await eventually(() => values(first).includes('after') && values(second).includes('after'), {
        timeoutMs: 40_000,
        intervalMs: 100,
        description: 'both groups to consume the message published after the restart',
      });
      expect(logger.entries.some((entry) => entry.message === 'consumer recreated')).toBe(true);
    } finally {
      await Promise.all([restartedByKafkajs.close(), recreatedByTransport.close()]);
    }
  }, 100_000);
});
