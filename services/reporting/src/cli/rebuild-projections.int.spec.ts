import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AUDIT_ENTITIES, AUDIT_MIGRATIONS } from '@reprisals/audit';
import { CASE_ACCESS_ENTITIES, CASE_ACCESS_MIGRATIONS } from '@reprisals/case-access';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@reprisals/messaging';
import {
  closeServiceDatabase,
  createServiceDataSource,
  initializeServiceDatabase,
} from '@reprisals/persistence';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import { DataSource } from 'typeorm';
import {
  REPORTING_ENTITIES,
  REPORTING_MIGRATIONS,
  REPORTING_SCHEMA,
} from '../infrastructure/persistence/reporting-data-source';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** Runs `npm run reporting:rebuild -- <args>` as an operator would, in its own Node process. */
function rebuild(
  args: string[],
  databaseUrl?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' };
    delete env['MESSAGING_TRANSPORT'];
    if (databaseUrl) env['DATABASE_URL'] = databaseUrl;
    else delete env['DATABASE_URL'];
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'services/reporting/src/cli/rebuild-projections.ts', ...args],
      { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('reporting:rebuild (command line)', () => {
  let database: TestDatabase;
  let sql: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('reporting_rebuild_cli');
    sql = new DataSource({ type: 'postgres', url: database.url, poolSize: 1 });
    await sql.initialize();
  });
  afterAll(async () => {
    await sql?.destroy();
    await database?.drop();
  });

  /** The schemas of a standalone system: reporting's, and the other services' outbox tables. */
  const migrate = async () => {
    for (const [schema, entities, migrations] of [
      [
        REPORTING_SCHEMA,
        [...REPORTING_ENTITIES, ...AUDIT_ENTITIES, ...CASE_ACCESS_ENTITIES],
        [...REPORTING_MIGRATIONS, ...AUDIT_MIGRATIONS, ...CASE_ACCESS_MIGRATIONS],
      ],
      ['intake', MESSAGING_ENTITIES, MESSAGING_MIGRATIONS],
      ['verification', MESSAGING_ENTITIES, MESSAGING_MIGRATIONS],
      ['state_communication', MESSAGING_ENTITIES, MESSAGING_MIGRATIONS],
    ] as const) {
      const dataSource = createServiceDataSource({
        url: database.url,
        schema,
        entities: [...entities],
        migrations: [...migrations],
        applicationName: 'reporting-rebuild-cli-spec',
        poolSize: 1,
      });
      await initializeServiceDatabase(dataSource);
      await closeServiceDatabase(dataSource);
    }
  };

  it('given arguments it does not know, when run, then it exits 2 with its usage', async () => {
    const unknown = await rebuild(['--swap-anyway']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('usage: npm run reporting:rebuild');
    const source = await rebuild(['--source', 'files']);
    expect(source.code).toBe(2);
    expect(source.stderr).toContain('--source is kafka or outbox, not files');
  });

  it('given a database without reporting, when run or rolled back, then it exits 1 saying why', async () => {
    const run = await rebuild(['--source', 'outbox'], database.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'reporting:rebuild failed, the live tables are unchanged: there is no reporting schema',
    );
    const rollback = await rebuild(['--rollback'], database.url);
    expect(rollback.code).toBe(1);
    expect(rollback.stderr).toContain('there is no reporting_previous schema');
  });

  it('given reporting stopped, when run dry, then it exits 0; when a withheld case is missing from the log, then it exits 1 naming the case only', async () => {
    await migrate();
    const dry = await rebuild(['--dry-run', '--source', 'outbox'], database.url);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('nothing swapped (dry run');

    const hidden = randomUUID();
    await sql.query(
      `INSERT INTO reporting.case_protection (case_id, version, withheld, level, updated_at)
       VALUES ($1, 2, true, 'severe', now())`,
      [hidden],
    );
    const refused = await rebuild(['--source', 'outbox', '--accept-fewer-rows'], database.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`fewer rows once rebuilt in case_protection`);
    expect(refused.stderr).toContain(`case ${hidden}`);
    expect(refused.stdout).toMatch(/cases withheld \(case_protection\)\s+1\s+0\s+-1/);
    const [row] = await sql.query<Array<{ withheld: boolean }>>(
      'SELECT withheld FROM reporting.case_protection WHERE case_id = $1',
      [hidden],
    );
    expect(row).toEqual({ withheld: true });
  });
});
