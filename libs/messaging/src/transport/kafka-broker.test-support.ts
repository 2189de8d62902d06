import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePorts } from './transport.test-support';

const run = promisify(execFile);
const scripts = resolve(__dirname, '../../../../infra/kafka');

export interface OwnBroker {
  brokers: string[];
  start(): Promise<void>;
  /** Stops the broker and keeps its data, so start() brings the same cluster back. */
  stop(): Promise<void>;
  /** Stops the broker and removes its data. */
  destroy(): Promise<void>;
}

/**
 * A broker of the test's own (the shared 9092 broker is never stopped), started and stopped with
 * the infra scripts, on ports free at creation time and with its data in a fresh temporary
 * directory: test runs happening at the same time never share it.
 */
export const ownBroker = async (): Promise<OwnBroker> => {
  const [port, controllerPort] = await freePorts(2);
  const home = await mkdtemp(join(tmpdir(), 'reprisals-transport-broker-'));
  const dataDir = join(home, 'kafka');
  const env = (keepData: boolean): NodeJS.ProcessEnv => ({
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
    KAFKA_DATA_DIR: dataDir,
    KAFKA_KEEP_DATA: keepData ? '1' : '0',
  });
  const script = async (name: string, keepData: boolean): Promise<void> => {
    await run('bash', [resolve(scripts, name)], { env: env(keepData), timeout: 120_000 });
  };
  return {
    brokers: [`127.0.0.1:${port}`],
    start: () => script('kafka-start.sh', true),
    stop: () => script('kafka-stop.sh', true),
    destroy: async () => {
      await script('kafka-stop.sh', false);
      await rm(home, { recursive: true, force: true });
    },
  };
};
