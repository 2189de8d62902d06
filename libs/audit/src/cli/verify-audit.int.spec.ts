import { spawn } from 'node:child_process';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { ManualClock } from '@reprisals/kernel';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import type { AuditRecordView } from '../records/audit-record.view';
import { auditTrailFor, openAuditDataSource, readIdentities, tamper } from '../trail/audit.test-support';

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
