import { spawn } from 'node:child_process';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { ManualClock } from '@reprisals/kernel';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import { hashAuditRecord } from '../chain/record-hash';
import type { AuditCheckpointView } from '../checkpoints/audit-checkpoint.view';
import type { AuditRecordView } from '../records/audit-record.view';
import { auditTrailFor, openAuditDataSource, readIdentities, tamper } from '../trail/audit.test-support';
import type { AuditTrail } from '../trail/audit-trail';
import { checkpointSigned, deliverToWitness } from '../witness/audit-witness.test-support';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** Runs the command as an operator would, in its own Node process from the repository root. */
function verifyAudit(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'libs/audit/src/cli/verify-audit.ts', ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('verify-audit (command line)', () => {
  let database: TestDatabase;
  let intake: DataSource;
  let verification: DataSource;
  const intakeRecords: AuditRecordView[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('audit_cli');
    const clock = new ManualClock('2026-05-01T09:00:00.000Z');
    intake = await openAuditDataSource(database.url, 'intake');
    verification = await openAuditDataSource(database.url, 'verification');
    const intakeTrail = auditTrailFor(intake, clock);
    const verificationTrail = auditTrailFor(verification, clock, 'verification');
    for (let index = 0; index < 4; index += 1)
      intakeRecords.push(await intakeTrail.recordNow(readIdentities()));
    await intakeTrail.checkpoint();
    await verificationTrail.recordNow(readIdentities());
  });

  afterAll(async () => {
    await intake?.destroy();
    await verification?.destroy();
    await database?.drop();
  });

  it('given intact chains, when verified, then one line per schema says what was checked and the exit code is 0', async () => {
    const result = await verifyAudit(['--database-url', database.url]);

    expect(result.code).toBe(0);
    const server = new URL(database.url);
    expect(result.stdout.split('\n')).toEqual([
      `verifying audit chains in ${server.host}/${database.name}`,
      'intake: 4 record(s), 1 checkpoint(s) checked, signed through seq 4: OK',
      'verification: 1 record(s), 0 checkpoint(s) checked: OK',
      'state_communication: no audit trail',
      'reporting: no audit trail',
      '',
    ]);
  });

  it('given a tampered row, when verified, then the exit code is 1 and the broken record is named', async () => {
    await tamper(
      intake,
      'intake',
      `UPDATE "intake"."audit_record" SET "action" = 'case:read' WHERE "seq" = 2`,
    );

    const result = await verifyAudit(['--database-url', database.url, '--schemas', 'intake,verification']);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `intake: 2 record(s), 0 checkpoint(s) checked: BROKEN at record seq 2 (id ${intakeRecords[1]!.id}): hash-mismatch`,
    );
    expect(result.stdout).toContain('verification: 1 record(s), 0 checkpoint(s) checked: OK');
  });

  it('given a schema list that names no schema, when run, then it explains its usage and exits 2', async () => {
    const result = await verifyAudit(['--schemas', 'Robert"; DROP TABLE x; --']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: verify-audit');
  });
});

describe('verify-audit (command line): reporting’s chain against the copies intake holds as its witness', () => {
  let database: TestDatabase;
  let reporting: DataSource;
  let intake: DataSource;
  let reportingTrail: AuditTrail;
  let witnessed: AuditCheckpointView;

  beforeAll(async () => {
    database = await createTestDatabase('audit_cli_witness');
    const clock = new ManualClock('2026-05-01T09:00:00.000Z');
    reporting = await openAuditDataSource(database.url, 'reporting');
    intake = await openAuditDataSource(database.url, 'intake', { witness: true });
    reportingTrail = auditTrailFor(reporting, clock, 'reporting');
    for (let index = 0; index < 3; index += 1) await reportingTrail.recordNow(readIdentities());
    witnessed = (await reportingTrail.checkpoint())!;
    await deliverToWitness(intake, checkpointSigned('reporting', witnessed));
  });

  afterAll(async () => {
    await reporting?.destroy();
    await intake?.destroy();
    await database?.drop();
  });

  it('given reporting’s chain as signed, when verified, then the copies intake holds match it', async () => {
    const result = await verifyAudit(['--database-url', database.url]);

    expect(result.stdout).toContain(
      'reporting: 3 record(s), 1 checkpoint(s) checked, signed through seq 3: OK',
    );
    expect(result.stdout).toContain('checkpoints held by intake: 1 checked: OK');
    expect(result.code).toBe(0);
  });

  it('given reporting’s past rewritten, rehashed and re-signed with its own key, when verified, then its chain looks whole but the witness names the break', async () => {
    // Someone who controls reporting's database and its signing key changes what record 2 says,
    // recomputes every hash after it, and replaces reporting's checkpoints with freshly signed ones.
    const records = await reportingTrail.list();
    const rewritten: string[] = [];
    let previousHash = records[0]!.hash;
    for (const record of records.slice(1)) {
      const content = {
        ...record,
        action: record.seq === '2' ? 'case:read' : record.action,
        previousHash,
      };
      const hash = hashAuditRecord(content);
      rewritten.push(
        `UPDATE "reporting"."audit_record" SET "action" = '${content.action}', "previous_hash" = '${previousHash}', ` +
          `"hash" = '${hash}' WHERE "seq" = ${record.seq}`,
      );
      previousHash = hash;
    }
    await tamper(reporting, 'reporting', ...rewritten, 'DELETE FROM "reporting"."audit_checkpoint"');
    const resigned = await reportingTrail.checkpoint();
    expect(resigned?.lastSeq).toBe(witnessed.lastSeq);
    expect(await reportingTrail.verify()).toMatchObject({ ok: true });

    const result = await verifyAudit(['--database-url', database.url]);

    expect(result.stdout).toContain(
      'reporting: 3 record(s), 1 checkpoint(s) checked, signed through seq 3: OK',
    );
    expect(result.stdout).toContain(
      `checkpoints held by intake: 1 checked: BROKEN: reporting no longer matches checkpoint ${witnessed.id} ` +
        `(seq ${witnessed.lastSeq}): checkpoint-head-mismatch`,
    );
    expect(result.code).toBe(1);
  });
});
