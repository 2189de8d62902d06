/**
 * `npm run start:distributed`: the real Kafka broker, then each service as its own process
 * (ports 3001-3004, same route prefixes as standalone) on DATABASE_URL. Ctrl-C stops the
 * services (SIGTERM: they stop consuming, flush their relays and close their pools), then
 * the broker only if this script started it (KAFKA_BROKERS, or a broker already answering,
 * is used and left alone). DEMO_MODE=true is refused: demo mode is standalone only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ensureDatabase } from '@reprisals/persistence';
import { refuseDemoModeWhenDistributed } from '@reprisals/service-platform';

const ROOT = path.resolve(__dirname, '../..');
const SERVICES = [
  { name: 'intake', port: 3001 },
  { name: 'verification', port: 3002 },
  { name: 'state-communication', port: 3003 },
  { name: 'reporting', port: 3004 },
] as const;

const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/reprisals';
const kafkaPort = process.env['KAFKA_PORT'] ?? '9092';

function say(message: string): void {
  process.stderr.write(`distributed: ${message}\n`);
}

function runScript(script: string): void {
  const result = spawnSync('bash', [path.join(ROOT, script)], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error(`${script} failed with exit code ${result.status ?? 'none'}`);
}

function brokerAnswers(): boolean {
  const probe = spawnSync('bash', [path.join(ROOT, 'infra/kafka/kafka-probe.sh'), `127.0.0.1:${kafkaPort}`], {
    stdio: 'ignore',
    env: process.env,
  });
  return probe.status === 0;
}

async function waitForHealth(port: number, deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await delay(250);
  }
  return false;
}

async function main(): Promise<void> {
  // Before the broker or any service starts: a demonstration runs standalone only.
  refuseDemoModeWhenDistributed();
  // A broker given by KAFKA_BROKERS, or one already answering, is someone else's: used, never stopped.
  let brokers = process.env['KAFKA_BROKERS'];
  let startedBroker = false;
  if (!brokers) {
    brokers = `127.0.0.1:${kafkaPort}`;
    if (brokerAnswers()) {
      say(`using the Kafka broker already at ${brokers}`);
    } else {
      say('starting the Kafka broker');
      runScript('infra/kafka/kafka-start.sh');
      startedBroker = true;
    }
  }
  say('preparing the database');
  await ensureDatabase(databaseUrl);
  const children: ChildProcess[] = [];
  for (const service of SERVICES) {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join('services', service.name, 'src', 'main.ts')],
      {
        cwd: ROOT,
        stdio: 'inherit',
        // Its own process group: a terminal's Ctrl-C reaches the launcher only, which then asks
        // each service to stop once (SIGTERM), so every one shuts down gracefully.
        detached: true,
        env: {
          ...process.env,
          SWC_NODE_PROJECT: 'tsconfig.base.json',
          PORT: String(service.port),
          DATABASE_URL: databaseUrl,
          MESSAGING_TRANSPORT: 'kafka',
          KAFKA_BROKERS: brokers,
          OTEL_SERVICE_NAME: service.name,
        },
      },
    );
    child.on('exit', (code, signal) => say(`${service.name} exited (${signal ?? code ?? 'unknown'})`));
    children.push(child);
  }

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say('stopping the services');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    if (startedBroker) runScript('infra/kafka/kafka-stop.sh');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  const ready = await Promise.all(SERVICES.map((service) => waitForHealth(service.port, 90_000)));
  SERVICES.forEach((service, index) =>
    say(
      `${service.name} ${ready[index] ? 'ready' : 'NOT ready'} at http://127.0.0.1:${service.port} (docs at /docs)`,
    ),
  );
  if (ready.some((ok) => !ok)) {
    say('a service did not become ready; stopping');
    await stop();
  }
}

main().catch((error: unknown) => {
  say(`failed: ${error instanceof Error ? error.message : 'unknown error'}`);
  process.exit(1);
});
