import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

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
 * A broker of the test's own on other ports (the shared 9092 broker is never stopped), started
 * and stopped with the infra scripts.
 */
export const ownBroker = (port: number, controllerPort: number, dataDir: string): OwnBroker => {
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
    destroy: () => script('kafka-stop.sh', false),
  };
};
