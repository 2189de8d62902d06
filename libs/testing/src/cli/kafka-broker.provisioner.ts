import { join } from 'node:path';
import { run } from './child-process.runner';
import { answersOnPort } from './tcp-port.probe';

export interface KafkaLease {
  /** Value for KAFKA_BROKERS. */
  brokers: string;
  /** Stops the broker when this run started it. */
  release(): Promise<void>;
}

type Say = (line: string) => void;

/**
 * A real broker for the tests: KAFKA_BROKERS when given; else whatever answers on
 * 127.0.0.1:$KAFKA_PORT (9092); else one started with infra/kafka/kafka-start.sh, which
 * release() stops with kafka-stop.sh.
 */
export async function provisionKafka(root: string, env: NodeJS.ProcessEnv, say: Say): Promise<KafkaLease> {
  const given = env.KAFKA_BROKERS?.trim();
  if (given) {
    say(`test: using Kafka at ${given} (KAFKA_BROKERS)`);
    return { brokers: given, release: async () => undefined };
  }
  const port = Number(env.KAFKA_PORT || 9092);
  const brokers = `127.0.0.1:${port}`;
  if (await answersOnPort('127.0.0.1', port)) {
    say(`test: using Kafka at ${brokers}`);
    return { brokers, release: async () => undefined };
  }

  const script = (name: string): Promise<number> =>
    run('bash', [join(root, 'infra', 'kafka', name)], { cwd: root, env, stdio: ['ignore', 2, 2] });
  const release = async (): Promise<void> => {
    say('test: stopping the Kafka broker...');
    const code = await script('kafka-stop.sh');
    if (code !== 0) say(`test: kafka-stop.sh exited with ${code}`);
  };
  say('test: starting Kafka broker...');
  const code = await script('kafka-start.sh');
  if (code !== 0) {
    await release();
    throw new Error(`kafka-start.sh exited with ${code}`);
  }
  say(`test: using Kafka at ${brokers}`);
  return { brokers, release };
}
