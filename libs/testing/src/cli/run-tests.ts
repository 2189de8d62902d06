/**
 * `npm test`: runs Jest against a real Kafka broker and a real PostgreSQL.
 *
 * - Kafka: see provisionKafka() (not needed, and not started, for `--selectProjects unit`).
 * - PostgreSQL: DATABASE_URL, by default the local server on 5432.
 * - Jest: `jest --ci <arguments after -->`, on this Node with VM modules enabled; its output goes straight to the terminal, and a
 *   closing line `Tests: <passed> passed, <failed> failed[, <skipped> skipped]` follows.
 * The exit code is Jest's (non-zero when Jest wrote no results). A broker started here is
 * stopped on every path out, Ctrl-C included. Progress lines go to stderr.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TEST_DATABASE_URL } from '../database/test-database.factory';
import { run, runningChildren, signalNumber } from './child-process.runner';
import { jestArguments, needsKafka } from './jest-arguments';
import { closingLine, readJestResults } from './jest-summary';
import { type KafkaLease, provisionKafka } from './kafka-broker.provisioner';
import { repoRoot } from './repo-root';

/** VM modules let Jest load dependencies that are ES modules (require(esm)). */
const NODE_FLAGS = ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning'];

const say = (line: string): void => void process.stderr.write(`${line}\n`);

let interruptedBy: NodeJS.Signals | undefined;

function onSignal(signal: NodeJS.Signals): void {
  if (!interruptedBy) say(`test: ${signal} received, stopping...`);
  interruptedBy ??= signal;
  // A terminal's Ctrl-C already reached the children (same process group); a kill did not.
  for (const child of runningChildren) child.kill(signal);
}

async function main(): Promise<number> {
  const root = repoRoot();
  const args = jestArguments(process.argv.slice(2));
  const env: NodeJS.ProcessEnv = { ...process.env };
  env.DATABASE_URL ||= DEFAULT_TEST_DATABASE_URL;

  let kafka: KafkaLease | undefined;
  const results = await mkdtemp(join(tmpdir(), 'jest-results-'));
  try {
    if (needsKafka(args)) {
      kafka = await provisionKafka(root, env, say);
      env.KAFKA_BROKERS = kafka.brokers;
    }
    if (interruptedBy) return 128 + signalNumber(interruptedBy);

    const outputFile = join(results, 'results.json');
    const jest = require.resolve('jest/bin/jest', { paths: [root] });
    const code = await run(
      process.execPath,
      [...NODE_FLAGS, jest, '--ci', ...args, '--json', `--outputFile=${outputFile}`],
      {
        cwd: root,
        env,
        stdio: 'inherit',
      },
    );
    const summary = await readJestResults(outputFile);
    if (!summary) {
      say('test: Jest wrote no results');
      return code === 0 ? 1 : code;
    }
    process.stdout.write(`\n${closingLine(summary)}\n`);
    return code;
  } finally {
    await kafka?.release().catch((error: Error) => say(`test: could not stop Kafka: ${error.message}`));
    await rm(results, { recursive: true, force: true });
  }
}

process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);

main().then(
  (code) => {
    process.exitCode = interruptedBy ? 128 + signalNumber(interruptedBy) : code;
  },
  (error: Error) => {
    say(`test: ${error.message}`);
    process.exitCode = 1;
  },
);
