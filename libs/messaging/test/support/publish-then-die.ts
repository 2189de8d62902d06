/**
 * Run as a child process: commits events, lets the relay publish them to Kafka, and kills
 * itself with SIGKILL the moment the broker has acknowledged them, before the relay marks
 * its outbox rows as published.
 * argv: <database url> <producer schema> <case id> <count> <brokers> <namespace>
 */
import { SystemClock } from '@reprisals/kernel';
import { createServiceDataSource } from '@reprisals/persistence';
import {
  EventEnvelopeCodec,
  KafkaTransport,
  MESSAGING_ENTITIES,
  NamespacedTransport,
  ServiceMessaging,
  type EventTransport,
  type TransportMessage,
} from '../../src';
import { allegationEvent } from './pipeline.fixture';

/** Passes publishing through, then dies before the caller can record that it happened. */
class DieAfterPublishTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  constructor(private readonly inner: EventTransport) {}
  async publish(messages: TransportMessage[]): Promise<void> {
    await this.inner.publish(messages);
    process.stdout.write(`published ${messages.length}\n`);
    process.kill(process.pid, 'SIGKILL');
  }
  subscribe = (options: Parameters<EventTransport['subscribe']>[0]) => this.inner.subscribe(options);
  ensureTopics = (topics: string[]) => this.inner.ensureTopics(topics);
  health = () => this.inner.health();
  close = () => this.inner.close();
}

async function main(): Promise<void> {
  const [url, schema, caseId, count, brokers, namespace] = process.argv.slice(2);
  if (!url || !schema || !caseId || !count || !brokers || !namespace) throw new Error('missing arguments');
  const dataSource = createServiceDataSource({
    url,
    schema,
    entities: MESSAGING_ENTITIES,
    migrations: [],
    applicationName: 'publish-then-die',
  });
  await dataSource.initialize();
  const transport = new DieAfterPublishTransport(
    new NamespacedTransport(
      new KafkaTransport({ brokers: brokers.split(','), clientId: `${namespace}-child` }),
      namespace,
    ),
  );
  const messaging = new ServiceMessaging({
    service: 'intake',
    dataSource,
    transport,
    codec: new EventEnvelopeCodec(),
    clock: new SystemClock(),
    relay: { batchSize: 100 },
  });
  await messaging.outbox.run(async (unit) => {
    for (let sequence = 1; sequence <= Number(count); sequence += 1)
      unit.record(allegationEvent(caseId, sequence));
  });
  await messaging.relay.drain();
}

void main();
