import { Client } from 'pg';
import {
  publicKeysAsPem,
  trustedAuditKeysFromEnvironment,
  verifyExport,
  type AuditRecordView as AuditRow,
} from '@reprisals/audit';
import { AuditCheckpoints } from '@reprisals/service-platform';
import { eventually, type TestDatabase } from '@reprisals/testing';
import {
  call,
  queryRows,
  runRepositoryCommand,
  tokenFor,
  useStandaloneSystem,
  validAllegation,
  type RunningProcess,
} from './system.fixture';

describe('audit trail, as an auditor reads it', () => {
  const system = useStandaloneSystem('audit_trail');
  let running: RunningProcess;
  let database: TestDatabase;

  beforeAll(() => {
    ({ running, database } = system());
  });

  it('given a case recorded, read, and refused to others, when the auditor lists it, then every step and attempt is there and the chains verify', async () => {
    const created = await call(running.baseUrl, 'POST', '/intake/allegations', {
      token: await tokenFor('intake-officer', 'OHCHR'),
      body: validAllegation,
    });
    const caseId: string = created.body.id;
    await call(running.baseUrl, 'GET', `/intake/allegations/${caseId}`, {
      token: await tokenFor('intake-officer', 'OHCHR'),
    });
    const outsider = await call(running.baseUrl, 'GET', `/intake/allegations/${caseId}`, {
      token: await tokenFor('intake-officer', 'TREATY-BODIES'),
    });
    expect(outsider.status).toBe(404);
    const unauthorised = await call(running.baseUrl, 'GET', `/intake/allegations/${caseId}`, {
      token: await tokenFor('reporting-analyst', 'OHCHR'),
    });
    expect(unauthorised.status).toBe(403);
    await eventually(
      async () =>
        (
          await call(running.baseUrl, 'GET', `/reporting/cases/${caseId}/timeline`, {
            token: await tokenFor('reporting-analyst', 'OHCHR'),
          })
        ).status === 200,
      { description: 'the case in reporting' },
    );

    const auditor = await tokenFor('auditor', 'OHCHR');
    const intake = await call(running.baseUrl, 'GET', `/intake/audit?caseId=${caseId}`, { token: auditor });
    expect(intake.status).toBe(200);
    const steps = (intake.body.records as AuditRow[]).map((row) => [
      row.action,
      row.outcome,
      row.reason,
      row.actorEntity,
    ]);
    expect(steps).toEqual([
      ['allegation:create', 'allowed', null, 'OHCHR'],
      ['allegation:read', 'allowed', null, 'OHCHR'],
      ['allegation:read', 'denied', 'no-share', 'TREATY-BODIES'],
      ['allegation:read', 'denied', 'missing-permission', 'OHCHR'],
      // Reading the audit is itself audited, before the records leave.
      ['audit:read', 'allowed', null, 'OHCHR'],
    ]);
    const refusal = (intake.body.records as Array<AuditRow & { requestId: string | null }>).find(
      (row) => row.reason === 'missing-permission',
    );
    expect(refusal?.requestId).toEqual(expect.any(String));
    const reporting = await call(running.baseUrl, 'GET', `/reporting/audit?caseId=${caseId}`, {
      token: auditor,
    });
    expect((reporting.body.records as AuditRow[]).map((row) => [row.action, row.outcome])).toContainEqual([
      'case:timeline:read',
      'allowed',
    ]);

    const acrossServices = await eventually(
      async () => {
        const response = await call(running.baseUrl, 'GET', `/reporting/cases/${caseId}/audit`, {
          token: auditor,
        });
        const steps = (response.body?.steps ?? []) as Array<{
          service: string;
          action: string;
          outcome: string;
          entity: string;
        }>;
        return (
          steps.some((step) => step.service === 'reporting') &&
          steps.some((step) => step.action === 'allegation:create') &&
          steps.some((step) => step.action === 'state-file:open') &&
          steps.some((step) => step.action === 'case:open') &&
          steps
        );
      },
      { description: 'the audit of the case assembled across services' },
    );
    expect(
      acrossServices.map((step) => `${step.service} ${step.action} ${step.outcome} ${step.entity}`),
    ).toEqual(
      expect.arrayContaining([
        'intake allegation:create allowed OHCHR',
        'intake allegation:read denied TREATY-BODIES',
        'reporting case:timeline:read allowed OHCHR',
        'verification case:open allowed OHCHR',
        'state-communication state-file:open allowed OHCHR',
      ]),
    );
    const times = acrossServices.map((step) =>
      Date.parse((step as unknown as { recordedAt: string }).recordedAt),
    );
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    const outsiderAudit = await call(running.baseUrl, 'GET', `/reporting/cases/${caseId}/audit`, {
      token: await tokenFor('auditor', 'TREATY-BODIES'),
    });
    expect(outsiderAudit.status).toBe(404);

    const readsOfTheAudit = await call(running.baseUrl, 'GET', '/intake/audit', { token: auditor });
    expect((readsOfTheAudit.body.records as AuditRow[]).some((row) => row.action === 'audit:read')).toBe(
      true,
    );

    const exported = await call(running.baseUrl, 'GET', '/intake/audit/export', { token: auditor });
    expect(exported.status).toBe(200);
    const trusted = publicKeysAsPem(trustedAuditKeysFromEnvironment(process.env));
    expect(verifyExport(exported.body, trusted)).toMatchObject({ ok: true });
    const doctored = structuredClone(exported.body) as { records: Array<{ action: string }> };
    doctored.records[0]!.action = 'allegation:read';
    expect(verifyExport(doctored, trusted)).toMatchObject({ ok: false });

    const verify = await runVerify(database.url);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/intake/);
  });

  it('given an analyst, when reading the audit, then it is refused', async () => {
    const response = await call(running.baseUrl, 'GET', '/intake/audit', {
      token: await tokenFor('reporting-analyst'),
    });
    expect(response.status).toBe(403);
  });

  it('given signed checkpoints held by reporting, when a chain and its own checkpoints are cut back, then verification names the service', async () => {
    await call(running.baseUrl, 'POST', '/intake/allegations', {
      token: await tokenFor('intake-officer'),
      body: validAllegation,
    });
    const taken = await running.app.get(AuditCheckpoints).takeAll();
    expect(taken.length).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await witnessesHolding(taken)) === taken.length, {
      description: 'the witnesses to hold the checkpoints',
    });
    const intact = await runVerify(database.url);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/checkpoints held by reporting: \d+ checked: OK/);

    // Someone who can alter the intake database removes its last records and its checkpoints:
    // intake's chain alone still looks whole, the copies held by reporting do not match it.
    await cutBack(database.url, 'intake');
    const cut = await runVerify(database.url);
    expect(cut.stdout).toMatch(/^intake: .*OK$/m);
    expect(cut.stdout).toMatch(
      /BROKEN: intake no longer matches checkpoint [0-9a-f-]+ \(seq \d+\): missing-record/,
    );
    expect(cut.code).toBe(1);
  });

  it('given reporting’s signed checkpoints held by intake, when reporting’s chain and its own checkpoints are cut back, then intake’s copies name reporting', async () => {
    const auditor = await tokenFor('auditor', 'OHCHR');
    expect((await call(running.baseUrl, 'GET', '/reporting/audit', { token: auditor })).status).toBe(200);
    const taken = await running.app.get(AuditCheckpoints).takeAll();
    const [signed] = await queryRows<{ id: string }>(
      database.url,
      'SELECT "id" FROM reporting.audit_checkpoint ORDER BY "seq" DESC LIMIT 1',
    );
    expect(taken.map((checkpoint) => checkpoint.id)).toContain(signed!.id);
    await eventually(
      async () =>
        (
          await queryRows(
            database.url,
            'SELECT 1 FROM intake.audit_checkpoint_copy WHERE "checkpoint_id" = $1',
            [signed!.id],
          )
        ).length === 1,
      { description: 'intake to hold reporting’s checkpoint' },
    );
    // Reporting keeps no copy of its own checkpoints: it cannot witness itself.
    expect(
      await queryRows(
        database.url,
        `SELECT 1 FROM reporting.audit_checkpoint_copy WHERE "service" = 'reporting'`,
      ),
    ).toEqual([]);
    expect((await runVerify(database.url)).stdout).toMatch(/^checkpoints held by intake: \d+ checked: OK$/m);

    // Someone who can alter the reporting database removes its last records and its checkpoints.
    await cutBack(database.url, 'reporting');

    const cut = await runVerify(database.url);
    expect(cut.stdout).toMatch(/^reporting: .*OK$/m);
    expect(cut.stdout).toMatch(
      /^checkpoints held by intake: \d+ checked: BROKEN: reporting no longer matches checkpoint [0-9a-f-]+ \(seq \d+\): missing-record$/m,
    );
    expect(cut.code).toBe(1);
  });

  /** How many of these checkpoints reporting or intake holds a copy of. */
  async function witnessesHolding(checkpoints: Array<{ id: string }>): Promise<number> {
    const held = await queryRows<{ checkpoint_id: string }>(
      database.url,
      `SELECT "checkpoint_id" FROM reporting.audit_checkpoint_copy WHERE "checkpoint_id" = ANY($1)
       UNION SELECT "checkpoint_id" FROM intake.audit_checkpoint_copy WHERE "checkpoint_id" = ANY($1)`,
      [checkpoints.map((checkpoint) => checkpoint.id)],
    );
    return held.length;
  }
});

/** As a superuser with the triggers off: the records from the last checkpoint on, and every checkpoint. */
async function cutBack(databaseUrl: string, schema: 'intake' | 'reporting'): Promise<void> {
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`ALTER TABLE ${schema}.audit_record DISABLE TRIGGER ALL`);
    await admin.query(`ALTER TABLE ${schema}.audit_checkpoint DISABLE TRIGGER ALL`);
    await admin.query(
      `DELETE FROM ${schema}.audit_record WHERE seq >= (SELECT max(last_seq) FROM ${schema}.audit_checkpoint)`,
    );
    await admin.query(`DELETE FROM ${schema}.audit_checkpoint`);
    await admin.query(`ALTER TABLE ${schema}.audit_record ENABLE TRIGGER ALL`);
    await admin.query(`ALTER TABLE ${schema}.audit_checkpoint ENABLE TRIGGER ALL`);
  } finally {
    await admin.end();
  }
}

function runVerify(databaseUrl: string): Promise<{ code: number | null; stdout: string }> {
  return runRepositoryCommand(['libs/audit/src/cli/verify-audit.ts', '--database-url', databaseUrl]);
}
