/**
 * Run as a child process: commits events through the transactional outbox, then kills
 * itself with SIGKILL before any relay could publish them.
 * argv: <database url> <producer schema> <case id> <count>
 */
import { SystemClock } from '@reprisals/kernel';
import { createServiceDataSource } from '@reprisals/persistence';
import { EventEnvelopeCodec, MESSAGING_ENTITIES, OutboxWriter, TransactionalOutbox } from '../../src';
import { allegationEvent } from './pipeline.fixture';

async function main(): Promise<void> {
  const [url, schema, caseId, count] = process.argv.slice(2);
  if (!url || !schema || !caseId || !count) throw new Error('usage: <url> <schema> <caseId> <count>');
  const dataSource = createServiceDataSource({
    url,
    schema,
    entities: MESSAGING_ENTITIES,
    migrations: [],
    applicationName: 'commit-then-die',
  });
  await dataSource.initialize();
  const outbox = new TransactionalOutbox(
    dataSource,
    new OutboxWriter(new EventEnvelopeCodec(), new SystemClock()),
    () => {
      // The relay would be woken here; the process dies first.
    },
  );
  for (let sequence = 1; sequence <= Number(count); sequence += 1) {
    await outbox.run(async (unit) => {
      unit.record(allegationEvent(caseId, sequence));
    });
  }
  process.stdout.write('committed\n');
  process.kill(process.pid, 'SIGKILL');
}

void main();
