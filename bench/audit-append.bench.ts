/**
 * Audit records appended to a service's hash chain, each in its own transaction (lock the chain,
 * read its head, insert the linked record), one at a time and several at once. Baseline: the same
 * number of bare single-row INSERT transactions on the same data source (real PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import { SystemClock } from '@reprisals/kernel';
import { AUDIT_ENTITIES, AUDIT_MIGRATIONS, AuditTrail, type AuditEntry } from '@reprisals/audit';
import { createServiceDataSource, initializeServiceDatabase } from '@reprisals/persistence';
import { createTestDatabase } from '@reprisals/testing';
import { measure, printComparison, progress } from './bench-report';

function entry(): AuditEntry {
  return {
    actor: { kind: 'user', sub: 'officer-1', entity: 'OHCHR', role: 'intake-officer' },
    action: 'case:read-identities',
    caseId: randomUUID(),
    target: 'GET /intake/allegations/:id/identities',
    outcome: 'allowed',
    requestId: randomUUID(),
    traceId: randomUUID().replace(/-/g, ''),
    policyVersion: '1',
  };
}

async function runConcurrently(
  count: number,
  concurrency: number,
  work: () => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        await work();
      }
    }),
  );
}

export async function benchAuditAppend(count = 2_000, concurrency = 8): Promise<void> {
  const database = await createTestDatabase('bench_audit');
  try {
    const dataSource = createServiceDataSource({
      url: database.url,
      schema: 'bench_audit',
      entities: AUDIT_ENTITIES,
      migrations: AUDIT_MIGRATIONS,
      applicationName: 'bench-audit',
      poolSize: concurrency,
    });
    await initializeServiceDatabase(dataSource);
    await dataSource.query(
      'CREATE TABLE bench_audit.baseline_row (id UUID PRIMARY KEY, case_id UUID NOT NULL, payload TEXT NOT NULL)',
    );
    const trail = new AuditTrail({ service: 'intake', dataSource, clock: new SystemClock() });
    const bareInsert = () =>
      dataSource.transaction('READ COMMITTED', (manager) =>
        manager.query('INSERT INTO bench_audit.baseline_row (id, case_id, payload) VALUES ($1, $2, $3)', [
          randomUUID(),
          randomUUID(),
          'x'.repeat(300),
        ]),
      );
    const append = () =>
      dataSource.transaction('READ COMMITTED', (manager) => trail.record(manager, entry()));

    // Warm the pool, the plans and the indexes before anything is measured.
    await runConcurrently(100, concurrency, bareInsert);
    await runConcurrently(100, concurrency, append);

    for (const parallel of [1, concurrency]) {
      progress(`audit append: ${count} transactions, ${parallel} at a time`);
      const baseline = await measure('bare INSERT transactions', count, () =>
        runConcurrently(count, parallel, bareInsert),
      );
      const subject = await measure('audit appends (lock, head, insert)', count, () =>
        runConcurrently(count, parallel, append),
      );
      printComparison(`Audit chain append, ${parallel} at a time`, baseline, subject);
    }
    const started = process.hrtime.bigint();
    const verification = await trail.verify();
    const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
    if (!verification.ok) throw new Error('the benchmark chain does not verify');
    process.stdout.write(
      `verify: ${verification.recordsChecked} records in ${milliseconds.toFixed(0)} ms ` +
        `(${((verification.recordsChecked / milliseconds) * 1000).toFixed(0)} records/s)\n`,
    );
    await dataSource.destroy();
  } finally {
    await database.drop();
  }
}
