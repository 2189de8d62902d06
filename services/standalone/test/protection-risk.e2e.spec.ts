import { Client } from 'pg';
import { eventually } from '@reprisals/testing';
import { as, call, useStandaloneSystem, validAllegation, type RunningProcess } from './system.fixture';

const LEAD = 'OHCHR';
const PARTNER = 'SPECIAL-PROCEDURES';

describe('protection risk flag', () => {
  const system = useStandaloneSystem('protection_risk');
  let running: RunningProcess;

  beforeAll(() => {
    ({ running } = system());
  });

  /** Whether each service's own projection withholds the case. */
  const withheldIn = async (caseId: string): Promise<Record<string, boolean | null>> => {
    const client = new Client({ connectionString: system().database.url });
    await client.connect();
    try {
      const seen: Record<string, boolean | null> = {};
      for (const schema of ['intake', 'verification', 'state_communication', 'reporting']) {
        const { rows } = await client.query<{ withheld: boolean }>(
          `SELECT withheld FROM "${schema}".case_protection WHERE case_id = $1`,
          [caseId],
        );
        seen[schema] = rows[0]?.withheld ?? null;
      }
      return seen;
    } finally {
      await client.end();
    }
  };
  const everywhere = (withheld: boolean) => ({
    intake: withheld,
    verification: withheld,
    state_communication: withheld,
    reporting: withheld,
  });

  it('given consent to raise and publish, when a partner flags a risk, then nothing may reach the State or the public until the lead’s supervisor lifts it, in every service', async () => {
    const created = await call(running.baseUrl, 'POST', '/intake/allegations', {
      ...(await as('intake-officer', LEAD)),
      body: validAllegation,
    });
    const caseId: string = created.body.id;
    const path = `/intake/allegations/${caseId}/protection-risk`;
    await call(running.baseUrl, 'POST', `/intake/allegations/${caseId}/consent`, {
      ...(await as('intake-officer', LEAD)),
      body: {
        scopes: { raiseWithState: 'named', shareWithUnEntities: 'yes', publish: 'anonymous' },
        givenBy: 'victim',
        givenOn: '2026-05-01',
        form: 'written',
      },
    });
    const offered = await call(running.baseUrl, 'POST', `/intake/allegations/${caseId}/shares`, {
      ...(await as('intake-officer', LEAD)),
      body: { entity: PARTNER, purpose: 'The rapporteur follows up', scope: 'summary' },
    });
    await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/shares/${offered.body.shareId}/accept`,
      await as('focal-point', PARTNER),
    );

    const before = await call(running.baseUrl, 'GET', path, await as('intake-officer', LEAD));
    expect(before.body).toMatchObject({
      withheld: false,
      disclosure: { raiseWithState: 'named', publish: 'anonymous', withheldBecause: null },
      history: [],
    });

    const invalid = await call(running.baseUrl, 'POST', path, {
      ...(await as('focal-point', PARTNER)),
      body: { level: 'extreme', note: 'short' },
    });
    expect((invalid.body.issues as { field: string }[]).map((issue) => issue.field).sort()).toEqual([
      'level',
      'note',
      'reason',
    ]);
    const flagged = await call(running.baseUrl, 'POST', path, {
      ...(await as('focal-point', PARTNER)),
      body: {
        level: 'severe',
        reason: 'person-in-hiding',
        note: 'The person went into hiding after the raid.',
      },
    });
    expect(flagged).toMatchObject({ status: 201, body: { version: 1, withheld: true } });
    const during = await call(running.baseUrl, 'GET', path, await as('reporting-analyst', LEAD));
    expect(during.body).toMatchObject({
      withheld: true,
      level: 'severe',
      disclosure: {
        raiseWithState: 'no',
        publish: 'no',
        shareWithUnEntities: 'yes',
        withheldBecause: 'protection-risk',
      },
      history: [
        { version: 1, kind: 'flagged', level: 'severe', reason: 'person-in-hiding', byEntity: PARTNER },
      ],
    });
    expect(JSON.stringify(during.body)).not.toContain('hiding after');
    await eventually(
      async () => JSON.stringify(await withheldIn(caseId)) === JSON.stringify(everywhere(true)),
      {
        timeoutMs: 5_000,
        description: 'every service to withhold the case',
      },
    );

    const byPartner = await call(running.baseUrl, 'POST', `${path}/lift`, {
      ...(await as('supervisor', PARTNER)),
      body: { note: 'The person is safe again.' },
    });
    expect(byPartner.status).toBe(403);
    const byOfficer = await call(running.baseUrl, 'POST', `${path}/lift`, {
      ...(await as('intake-officer', LEAD)),
      body: { note: 'The person is safe again.' },
    });
    expect(byOfficer.status).toBe(403);
    const lifted = await call(running.baseUrl, 'POST', `${path}/lift`, {
      ...(await as('supervisor', LEAD)),
      body: { note: 'The person is safe again.' },
    });
    expect(lifted).toMatchObject({ status: 200, body: { version: 2, withheld: false } });
    expect(
      (
        await call(running.baseUrl, 'POST', `${path}/lift`, {
          ...(await as('supervisor', LEAD)),
          body: { note: 'Once more, by mistake.' },
        })
      ).status,
    ).toBe(409);
    await eventually(
      async () => JSON.stringify(await withheldIn(caseId)) === JSON.stringify(everywhere(false)),
      {
        timeoutMs: 5_000,
        description: 'every service to release the case',
      },
    );

    const audit = await call(
      running.baseUrl,
      'GET',
      `/intake/audit?caseId=${caseId}`,
      await as('auditor', LEAD),
    );
    const steps = (
      audit.body.records as Array<{
        action: string;
        target: string;
        outcome: string;
        reason: string | null;
        actorEntity: string;
      }>
    )
      .filter((row) => row.action.startsWith('protection:'))
      .map((row) => `${row.action} ${row.actorEntity} ${row.outcome}${row.reason ? ` ${row.reason}` : ''}`);
    expect(steps).toEqual([
      `protection:flag ${PARTNER} allowed`,
      `protection:lift ${PARTNER} denied not-lead`,
      `protection:lift ${LEAD} denied missing-permission`,
      `protection:lift ${LEAD} allowed`,
      `protection:lift ${LEAD} denied not-flagged`,
    ]);
  });
});
