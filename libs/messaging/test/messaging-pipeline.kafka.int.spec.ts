import { testKafkaBrokers } from '@reprisals/testing';
import { KafkaTransport, NamespacedTransport } from '../src';
import { describeMessagingPipelineContract } from './messaging-pipeline.contract';

describeMessagingPipelineContract(
  'Kafka',
  (namespace) =>
    new NamespacedTransport(
      new KafkaTransport({ brokers: testKafkaBrokers(), clientId: namespace }),
      namespace,
    ),
  { delivery: 30_000 },
);
