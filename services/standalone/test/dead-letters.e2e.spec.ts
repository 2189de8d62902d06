import { randomUUID } from 'node:crypto';
import { AllegationReceived, createEvent } from '@reprisals/contracts';
import { EventEnvelopeCodec, type InProcessTransport } from '@reprisals/messaging';
import { loadAccessPolicy } from '@reprisals/security';
import { eventually, type TestDatabase } from '@reprisals/testing';
import {
  call,
  queryRows,
  runRepositoryCommand,
  tokenFor,
  useStandaloneSystem,
  type RunningProcess,
} from './system.fixture';

interface AuditRow {
  seq: string;
  action: string;
  outcome: 'allowed' | 'denied';
  reason: string | null;
  actor_sub: string;
  actor_entity: string | null;
  actor_role: string | null;
  case_id: string | null;
  target: string | null;
  request_id: string | null;
  policy_version: string | null;
}

function allegationReceived(caseId: string) {
  return new EventEnvelopeCodec().encode(
    createEvent(
      AllegationReceived,
      {
        caseId,
        reference: 'REP-2026-999999',
        stateConcerned: 'BLR',
        receivedVia: 'email',
        receivedOn: '2026-05-02',
        leadEntity: 'OHCHR',
        victims: [],
        cooperation: null,
        acts: [],
      },
      { caseId, actor: { kind: 'system', service: 'intake' }, occurredAt: new Date() },
    ),
  );
}

describe('dead letters, as an operator sees them', () => {
  const system = useStandaloneSystem('dead_letters');
  let running: RunningProcess;
  let transport: InProcessTransport;
  let database: TestDatabase;

  beforeAll(() => {
    ({ running, transport, database } = system());
  });

  /** The audit records verification kept of the dead-letter routes, oldest first. */
  const deadLetterAudit = () =>
    queryRows<AuditRow>(
      database.url,
      `SELECT "seq", "action", "outcome", "reason", "actor_sub", "actor_entity", "actor_role", "case_id",
              "target", "request_id", "policy_version"
         FROM verification.audit_record WHERE "action" LIKE 'dead-letter:%' ORDER BY "seq"`,
    );

  it('given an event that breaks its contract, when it arrives, then every subscriber dead-letters it and an admin can list and replay it, each step audited', async () => {
    const caseId = randomUUID();
    const valid = allegationReceived(caseId);
    await transport.publish([{ ...valid, value: JSON.stringify({ caseId, reference: 'REP-2026-999999' }) }]);

    const admin = await tokenFor('admin');
    const letters = await eventually(
      async () => {
        const response = await call(running.baseUrl, 'GET', '/verification/dead-letters', { token: admin });
        // Each subscription of the event keeps its own letter: opening the case and case access.
        return response.body?.deadLetters?.length === 2 && response.body.deadLetters;
      },
      { description: 'the dead letter in verification' },
    );
    expect(letters.map((letter: { subscriber: string }) => letter.subscriber).sort()).toEqual([
      'verification.case-access-allegation-received',
      'verification.open-case-on-allegation-received',
    ]);
    const openCase = letters.find(
      (letter: { subscriber: string }) =>
        letter.subscriber === 'verification.open-case-on-allegation-received',
    );
    expect(openCase).toMatchObject({ caseId, attempts: 1 });
    expect(openCase.reason).toContain('data.stateConcerned');
    for (const service of ['state-communication', 'reporting']) {
      const response = await call(running.baseUrl, 'GET', `/${service}/dead-letters`, { token: admin });
      expect(response.body.deadLetters.length).toBeGreaterThanOrEqual(1);
    }

    // Each list is one record, written before the list leaves: who, how many letters, no case.
    const before = (await deadLetterAudit()).length;
    await call(running.baseUrl, 'GET', '/verification/dead-letters', { token: admin });
    const listed = await deadLetterAudit();
    expect(listed).toHaveLength(before + 1);
    expect(listed[listed.length - 1]).toEqual({
      seq: expect.any(String),
      action: 'dead-letter:read',
      outcome: 'allowed',
      reason: null,
      actor_sub: 'test-admin',
      actor_entity: 'OHCHR',
      actor_role: 'admin',
      case_id: null,
      target: 'GET /verification/dead-letters#returned:2',
      request_id: expect.any(String),
      policy_version: loadAccessPolicy().version,
    });

    const analyst = await call(running.baseUrl, 'GET', '/verification/dead-letters', {
      token: await tokenFor('reporting-analyst'),
    });
    expect(analyst.status).toBe(403);

    const replay = await call(running.baseUrl, 'POST', `/verification/dead-letters/${openCase.id}/replay`, {
      token: admin,
    });
    expect(replay).toMatchObject({ status: 200, body: { outcome: 'dead-lettered' } });
    const stillListed = await call(running.baseUrl, 'GET', '/verification/dead-letters', { token: admin });
    expect(stillListed.body.deadLetters.map((letter: { id: string }) => letter.id)).toContain(openCase.id);
    const unknownId = randomUUID();
    const unknown = await call(running.baseUrl, 'POST', `/verification/dead-letters/${unknownId}/replay`, {
      token: admin,
    });
    expect(unknown.status).toBe(404);

    const steps = (await deadLetterAudit()).map((row) => [
      row.action,
      row.outcome,
      row.reason,
      row.actor_role,
      row.case_id,
      row.target,
    ]);
    expect(steps).toEqual(
      expect.arrayContaining([
        [
          'dead-letter:read',
          'denied',
          'missing-permission',
          'reporting-analyst',
          null,
          '/verification/dead-letters',
        ],
        // The replay failed again, and says so; it is about the event's case.
        ['dead-letter:replay', 'allowed', null, 'admin', caseId, `dead-letter:${openCase.id}:dead-lettered`],
        ['dead-letter:replay', 'denied', 'not-found', 'admin', null, `dead-letter:${unknownId}`],
      ]),
    );

    // The terminal command goes through the same route, so it is audited under its token's account.
    const cli = await runCli(['list', '--service', 'verification', '--url', running.baseUrl]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('2 dead letter(s) in verification');
    expect(cli.stdout).toContain(openCase.id);
    const [last] = (await deadLetterAudit()).slice(-1);
    expect(last).toMatchObject({
      action: 'dead-letter:read',
      outcome: 'allowed',
      actor_sub: 'dead-letter-operator',
      actor_role: 'admin',
      target: 'GET /verification/dead-letters#returned:2',
    });
  });

  it('given a letter whose handler works again, when it is replayed, then its effect and its audit record commit together, and a second replay is refused and audited as denied', async () => {
    const caseId = randomUUID();
    const message = allegationReceived(caseId);
    // Kept as the consumer keeps a letter whose handler kept failing, before the fix.
    const [inserted] = await queryRows<{ id: string }>(
      database.url,
      `INSERT INTO verification.dead_letter ("subscriber", "message_id", "topic", "message_key", "headers",
         "payload", "reason", "attempts", "failed_at")
       VALUES ('verification.open-case-on-allegation-received', $1, $2, $3, $4, $5, 'handler failed: Error', 5, now())
       RETURNING "id"`,
      [message.headers['ce_id'], message.topic, message.key, JSON.stringify(message.headers), message.value],
    );
    const letterId = inserted!.id;
    const admin = await tokenFor('admin');

    const replay = await call(running.baseUrl, 'POST', `/verification/dead-letters/${letterId}/replay`, {
      token: admin,
    });

    expect({ status: replay.status, body: replay.body }).toEqual({
      status: 200,
      body: { id: letterId, outcome: 'processed' },
    });
    expect(
      await queryRows(
        database.url,
        'SELECT "case_id" FROM verification.verification_case WHERE "case_id" = $1',
        [caseId],
      ),
    ).toHaveLength(1);
    const [letter] = await queryRows<{ replay_outcome: string | null }>(
      database.url,
      'SELECT "replay_outcome" FROM verification.dead_letter WHERE "id" = $1',
      [letterId],
    );
    expect(letter?.replay_outcome).toBe('processed');
    const ofTheCase = await queryRows<AuditRow>(
      database.url,
      'SELECT "action", "outcome", "target", "actor_sub" FROM verification.audit_record WHERE "case_id" = $1 ORDER BY "seq"',
      [caseId],
    );
    // The handler's own record and the replay's, the replay's last: one transaction.
    expect(ofTheCase.map((row) => [row.action, row.outcome, row.target, row.actor_sub])).toEqual([
      ['case:open', 'allowed', 'verification_case', 'verification'],
      ['dead-letter:replay', 'allowed', `dead-letter:${letterId}:processed`, 'test-admin'],
    ]);

    const again = await call(running.baseUrl, 'POST', `/verification/dead-letters/${letterId}/replay`, {
      token: admin,
    });

    expect(again.status).toBe(409);
    const [refusal] = (await deadLetterAudit()).slice(-1);
    expect(refusal).toMatchObject({
      action: 'dead-letter:replay',
      outcome: 'denied',
      reason: 'already-replayed',
      case_id: caseId,
      target: `dead-letter:${letterId}`,
      actor_sub: 'test-admin',
      request_id: expect.any(String),
      policy_version: loadAccessPolicy().version,
    });
    expect(
      await queryRows(database.url, 'SELECT 1 FROM verification.verification_case WHERE "case_id" = $1', [
        caseId,
      ]),
    ).toHaveLength(1);
  });
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return runRepositoryCommand(['libs/service-platform/src/cli/dead-letters.ts', ...args]);
}
