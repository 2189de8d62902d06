import { consumerProgress, readKafkaTopics } from './kafka-inspection';
import { KafkaTransport } from './kafka.transport';
import { NamespacedTransport } from '../transport-namespace';
import {
  deferred,
  eventually,
  kafkaBrokersForTests,
  recordingLogger,
  uniqueName,
} from './transport.test-support';

const brokers = kafkaBrokersForTests();

describe('Kafka inspection', () => {
  const namespace = uniqueName('inspection');
  const prefix = `${namespace}.`;
  const transport = new NamespacedTransport(
    new KafkaTransport({ brokers, clientId: uniqueName('inspection-test'), logger: recordingLogger() }),
    namespace,
  );

  afterAll(() => transport.close());

  it('given records with keys and headers, when the namespace is read and a group consumes them, then every record is read whole and the group is behind until it committed', async () => {
    await transport.ensureTopics(['cases', 'notes']);
    expect(await readKafkaTopics({ brokers, prefix })).toEqual({
      topics: [`${prefix}cases`, `${prefix}cases.dlq`, `${prefix}notes`, `${prefix}notes.dlq`],
      records: [],
    });
    await transport.publish([
      { topic: 'cases', key: 'case-1', headers: { ce_id: 'e-1', ce_type: 'opened' }, value: '{"n":1}' },
      { topic: 'cases', key: 'case-1', headers: { ce_id: 'e-2' }, value: '{"n":2}' },
      { topic: 'notes', key: 'case-2', headers: {}, value: '' },
    ]);

    const { records } = await readKafkaTopics({ brokers, prefix });
    expect(records.filter((record) => record.topic === `${prefix}cases`)).toEqual([
      expect.objectContaining({
        key: 'case-1',
        value: '{"n":1}',
        headers: { ce_id: ['e-1'], ce_type: ['opened'] },
      }),
      expect.objectContaining({ key: 'case-1', value: '{"n":2}', headers: { ce_id: ['e-2'] } }),
    ]);
    expect(records.filter((record) => record.topic === `${prefix}notes`)).toEqual([
      expect.objectContaining({ key: 'case-2', value: '', headers: {} }),
    ]);
    expect(await consumerProgress({ brokers, prefix })).toEqual({ rebalancing: [], behind: [] });

    const release = deferred();
    await transport.subscribe({
      group: 'reader',
      topics: ['cases'],
      fromBeginning: true,
      handler: () => release.promise,
    });
    const held = await consumerProgress({ brokers, prefix });
    expect(held.behind).toEqual([
      expect.objectContaining({
        group: `${prefix}reader`,
        topic: `${prefix}cases`,
        committed: null,
        end: '2',
      }),
    ]);
    release.resolve();
    await eventually(async () => (await consumerProgress({ brokers, prefix })).behind.length === 0, {
      timeoutMs: 20_000,
      description: 'the group to commit both records',
    });
  });
});
