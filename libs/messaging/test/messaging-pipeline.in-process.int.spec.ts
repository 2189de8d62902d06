import { InProcessTransport, NamespacedTransport } from '../src';
import { describeMessagingPipelineContract } from './messaging-pipeline.contract';

describeMessagingPipelineContract(
  'the in-process transport',
  (namespace) => new NamespacedTransport(new InProcessTransport(), namespace),
);
