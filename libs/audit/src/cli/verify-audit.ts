/**
 * Verifies the audit chain of every service from a terminal: every record's hash and link, every
 * checkpoint's signature and head, and the copies of signed checkpoints each witness holds
 * against the chains they vouch for (a chain rewritten and re-signed in its own database no
 * longer matches the copies another service keeps).
 *
 *   node -r @swc-node/register libs/audit/src/cli/verify-audit.ts \
 *     [--database-url postgres://...] [--schemas intake,verification,state_communication,reporting]
 *
 * Prints one line per schema, then one per witness among the schemas, and exits 1 when any chain
 * or witness copy is broken (2 on a usage error).
 * Checkpoints are checked against AUDIT_TRUSTED_KEYS (or, outside production, the development key).
 */
import { EmbeddedPostgresServer } from '@reprisals/persistence';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { createServiceDataSource, describeDatabaseUrl } from '@reprisals/persistence';
import { AUDIT_ENTITIES } from '../audit-schema';
import { trustedAuditKeysFromEnvironment } from '../signing/audit-signing.config';
import type { TrustedAuditKeys } from '../signing/trusted-keys';
import { AuditChainVerifier } from '../verification/audit-chain.verifier';
import { checkCheckpointWitness } from './checkpoint-witness.check';
import type { AuditVerification } from '../verification/audit-verification';

const DEFAULT_SCHEMAS = ['intake', 'verification', 'state_communication', 'reporting'];

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { 'database-url': { type: 'string' }, schemas: { type: 'string' } },
  });
  // Without a URL: the standalone mode's embedded database (started or not, its address is fixed).
  const url =
    values['database-url'] ??
    process.env['DATABASE_URL'] ??
    new EmbeddedPostgresServer().databaseUrl('reprisals');
  const schemas = values.schemas?.split(',').map((schema) => schema.trim()) ?? DEFAULT_SCHEMAS;
  if (!url || schemas.some((schema) => !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))) {
    process.stderr.write(
      'usage: verify-audit [--database-url postgres://...] [--schemas intake,verification,...]\n' +
        '       (the database URL defaults to DATABASE_URL)\n',
    );
    return 2;
  }
  const keys = trustedAuditKeysFromEnvironment(process.env);
  process.stdout.write(`verifying audit chains in ${describeDatabaseUrl(url)}\n`);
  let broken = 0;
  for (const schema of schemas) {
    if (!(await hasAuditTrail(url, schema))) {
      process.stdout.write(`${schema}: no audit trail\n`);
      continue;
    }
    const result = await verifySchema(url, schema, keys);
    if (!result.ok) broken += 1;
    process.stdout.write(`${schema}: ${describe(result)}\n`);
  }
  // The copies each witness holds (reporting: intake's, verification's and state-communication's
  // checkpoints; intake: reporting's), against the chains they vouch for.
  for (const schema of schemas) {
    const witness = await checkCheckpointWitness(url, schema, keys);
    if (!witness) continue;
    const line = witness.firstMismatch
      ? `BROKEN: ${witness.firstMismatch.service} no longer matches checkpoint ${witness.firstMismatch.checkpointId} ` +
        `(seq ${witness.firstMismatch.lastSeq}): ${witness.firstMismatch.problem}`
      : 'OK';
    if (witness.firstMismatch) broken += 1;
    process.stdout.write(`checkpoints held by ${schema}: ${witness.copiesChecked} checked: ${line}\n`);
  }
  return broken > 0 ? 1 : 0;
}

async function hasAuditTrail(url: string, schema: string): Promise<boolean> {
  const client = new Client({ connectionString: url, application_name: 'audit-verify' });
  await client.connect();
  try {
    const { rows } = await client.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [
      `"${schema}"."audit_record"`,
    ]);
    return rows[0]?.found != null;
  } finally {
    await client.end();
  }
}

async function verifySchema(url: string, schema: string, keys: TrustedAuditKeys): Promise<AuditVerification> {
  const dataSource = createServiceDataSource({
    url,
    schema,
    entities: AUDIT_ENTITIES,
    migrations: [],
    applicationName: 'audit-verify',
    poolSize: 1,
  });
  await dataSource.initialize();
  try {
    return await new AuditChainVerifier(dataSource, keys).verify();
  } finally {
    await dataSource.destroy();
  }
}

function describe(result: AuditVerification): string {
  const checked = `${result.recordsChecked} record(s), ${result.checkpointsChecked} checkpoint(s) checked`;
  const problem = result.firstProblem;
  if (!problem) {
    const signed = result.lastCheckpointedSeq ? `, signed through seq ${result.lastCheckpointedSeq}` : '';
    return `${checked}${signed}: OK`;
  }
  const record = problem.checkpointId && problem.id === problem.checkpointId ? 'gone' : `id ${problem.id}`;
  const by = problem.checkpointId ? ` (checkpoint ${problem.checkpointId})` : '';
  return `${checked}: BROKEN at record seq ${problem.seq} (${record}): ${problem.problem}${by}`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`verify-audit: ${error instanceof Error ? error.message : 'failed'}\n`);
    process.exit(1);
  },
);
