import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { deadLetterTopicOf } from './event-transport';
import { KafkaTransport } from './kafka.transport';
import { kafkaBrokersForTests, recordingLogger, uniqueName } from './transport.test-support';

const brokers = kafkaBrokersForTests();

describe('the retention of the topics KafkaTransport creates', () => {
  const transport = new KafkaTransport({
    brokers,
    clientId: uniqueName('retention-test'),
    logger: recordingLogger(),
  });
  const admin = new Kafka({
    clientId: uniqueName('retention-admin'),
    brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  beforeAll(() => admin.connect());
  afterAll(async () => {
    await admin.disconnect();
    await transport.close();
  });

  /** retention.ms as the broker describes the topic, and whether it is the topic's own setting. */
  const retentionOf = async (topic: string): Promise<{ value: string; isDefault: boolean }> => {
    const described = await admin.describeConfigs({
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms'] }],
      includeSynonyms: false,
    });
    const entry = described.resources[0]?.configEntries.find(
      (config) => config.configName === 'retention.ms',
    );
    if (!entry) throw new Error(`no retention.ms described for ${topic}`);
    return { value: entry.configValue, isDefault: entry.isDefault };
  };

  it('given an event topic, when ensured, then the broker keeps its records for ever, and its dead-letter topic keeps the default retention', async () => {
    const topic = uniqueName('retention-events');
    await transport.ensureTopics([topic]);

    expect(await retentionOf(topic)).toEqual({ value: '-1', isDefault: false });
    const deadLetters = await retentionOf(deadLetterTopicOf(topic));
    expect(deadLetters.isDefault).toBe(true);
    expect(deadLetters.value).not.toBe('-1');
  });
});
