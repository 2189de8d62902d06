import { Client } from 'pg';
import { eventually } from '@reprisals/testing';
import { as, call, useStandaloneSystem, validAllegation, type RunningProcess } from './system.fixture';

const LEAD = 'OHCHR';
const PARTNER = 'SPECIAL-PROCEDURES';

const consent = {
  scopes: { raiseWithState: 'anonymous', shareWithUnEntities: 'yes', publish: 'no' },
  givenBy: 'victim',
  givenOn: '2026-05-01',
  form: 'written',
};

describe('consent of a case, and what it lets others do', () => {
  const system = useStandaloneSystem('consent');
  let running: RunningProcess;

  beforeAll(() => {
    ({ running } = system());
  });

  const partnerSees = async (caseId: string) => ({
    intake: (
      await call(running.baseUrl, 'GET', `/intake/allegations/${caseId}`, await as('focal-point', PARTNER))
    ).status,
    verification: (
      await call(
        running.baseUrl,
        'GET',
        `/verification/cases/${caseId}`,
        await as('verification-officer', PARTNER),
      )
    ).status,
  });

  /** The consent version each service's own projection holds for the case. */
  const projectedConsent = async (caseId: string): Promise<string[]> => {
    const client = new Client({ connectionString: system().database.url });
    await client.connect();
    try {
      const seen: string[] = [];
      for (const schema of ['intake', 'verification', 'state_communication', 'reporting']) {
        const { rows } = await client.query<{ version: number; withdrawn: boolean; share: string }>(
          `SELECT version, withdrawn, share_with_un_entities AS share FROM "${schema}".case_consent WHERE case_id = $1`,
          [caseId],
        );
        const row = rows[0];
        seen.push(
          row
            ? `${schema} v${row.version} share:${row.share}${row.withdrawn ? ' withdrawn' : ''}`
            : `${schema} none`,
        );
      }
      return seen;
    } finally {
      await client.end();
    }
  };
  const everywhere = (state: string) =>
    ['intake', 'verification', 'state_communication', 'reporting'].map((schema) => `${schema} ${state}`);

  it('given consent to share, when an officer shares without override and the consent is then withdrawn, then the share is revoked everywhere and the history keeps both versions', async () => {
    const created = await call(running.baseUrl, 'POST', '/intake/allegations', {
      ...(await as('intake-officer', LEAD)),
      body: validAllegation,
    });
    const caseId: string = created.body.id;
    const consentPath = `/intake/allegations/${caseId}/consent`;

    const before = await call(running.baseUrl, 'GET', consentPath, await as('intake-officer', LEAD));
    expect(before.body).toEqual({
      inForce: { raiseWithState: 'no', shareWithUnEntities: 'no', publish: 'no' },
      status: 'not-recorded',
      history: [],
    });

    const invalid = await call(running.baseUrl, 'POST', consentPath, {
      ...(await as('intake-officer', LEAD)),
      body: {
        ...consent,
        givenOn: 'yesterday',
        scopes: { ...consent.scopes, publish: 'loudly' },
        colour: 'red',
      },
    });
    expect(invalid.status).toBe(400);
    expect((invalid.body.issues as { field: string }[]).map((issue) => issue.field).sort()).toEqual([
      'colour',
      'givenOn',
      'scopes.publish',
    ]);
    const future = await call(running.baseUrl, 'POST', consentPath, {
      ...(await as('intake-officer', LEAD)),
      body: { ...consent, givenOn: '2999-01-01' },
    });
    expect(future.body.issues).toEqual([{ field: 'givenOn', message: 'cannot be later than today' }]);
    const unconfirmed = await call(running.baseUrl, 'POST', consentPath, {
      ...(await as('intake-officer', LEAD)),
      body: { ...consent, scopes: { raiseWithState: 'no', shareWithUnEntities: 'yes', publish: 'named' } },
    });
    expect(unconfirmed.body.issues).toEqual([
      { field: 'confirmNamedPublicationWithoutStateRaising', message: expect.stringContaining('confirmed') },
    ]);
    const byOutsider = await call(running.baseUrl, 'POST', consentPath, {
      ...(await as('intake-officer', PARTNER)),
      body: consent,
    });
    expect(byOutsider.status).toBe(404);

    const recorded = await call(running.baseUrl, 'POST', consentPath, {
      ...(await as('intake-officer', LEAD)),
      body: consent,
    });
    expect(recorded).toMatchObject({ status: 201, body: { version: 1, revokedShares: [] } });
    await eventually(
      async () =>
        JSON.stringify(await projectedConsent(caseId)) === JSON.stringify(everywhere('v1 share:yes')),
      {
        timeoutMs: 5_000,
        description: 'every service to know the consent',
      },
    );

    const offered = await call(running.baseUrl, 'POST', `/intake/allegations/${caseId}/shares`, {
      ...(await as('intake-officer', LEAD)),
      body: { entity: PARTNER, purpose: 'The rapporteur follows up with the State', scope: 'full' },
    });
    expect(offered.status).toBe(201);
    const shareId: string = offered.body.shareId;
    const accepted = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/shares/${shareId}/accept`,
      await as('focal-point', PARTNER),
    );
    expect(accepted.status).toBe(200);
    await eventually(
      async () =>
        JSON.stringify(await partnerSees(caseId)) === JSON.stringify({ intake: 200, verification: 200 }),
      {
        timeoutMs: 5_000,
        description: 'the shared case in every service',
      },
    );
    const byPartner = await call(running.baseUrl, 'POST', `${consentPath}/withdrawal`, {
      ...(await as('intake-officer', PARTNER)),
      body: { withdrawnBy: 'victim', withdrawnOn: '2026-05-02', form: 'oral' },
    });
    expect(byPartner.status).toBe(403);

    const withdrawn = await call(running.baseUrl, 'POST', `${consentPath}/withdrawal`, {
      ...(await as('intake-officer', LEAD)),
      body: { withdrawnBy: 'family', withdrawnOn: '2026-05-02', form: 'oral' },
    });
    expect(withdrawn).toMatchObject({ status: 201, body: { version: 2, revokedShares: [shareId] } });
    await eventually(
      async () =>
        JSON.stringify(await partnerSees(caseId)) === JSON.stringify({ intake: 404, verification: 404 }),
      {
        timeoutMs: 5_000,
        description: 'the case hidden from the partner in every service',
      },
    );
    await eventually(
      async () =>
        JSON.stringify(await projectedConsent(caseId)) ===
        JSON.stringify(everywhere('v2 share:no withdrawn')),
      { timeoutMs: 5_000, description: 'every service to know the withdrawal' },
    );
    const again = await call(running.baseUrl, 'POST', `${consentPath}/withdrawal`, {
      ...(await as('intake-officer', LEAD)),
      body: { withdrawnBy: 'family', withdrawnOn: '2026-05-02', form: 'oral' },
    });
    expect(again.status).toBe(409);
    const reshare = await call(running.baseUrl, 'POST', `/intake/allegations/${caseId}/shares`, {
      ...(await as('intake-officer', LEAD)),
      body: { entity: PARTNER, purpose: 'The rapporteur follows up with the State', scope: 'full' },
    });
    expect(reshare.status).toBe(409);

    const after = await call(running.baseUrl, 'GET', consentPath, await as('verification-officer', LEAD));
    expect(after.body).toMatchObject({
      inForce: { raiseWithState: 'no', shareWithUnEntities: 'no', publish: 'no' },
      status: 'withdrawn',
      history: [
        { version: 1, kind: 'recorded', scopes: consent.scopes, givenBy: 'victim' },
        { version: 2, kind: 'withdrawn', givenBy: 'family', form: 'oral' },
      ],
    });

    const audit = await call(
      running.baseUrl,
      'GET',
      `/intake/audit?caseId=${caseId}`,
      await as('auditor', LEAD),
    );
    const steps = (
      audit.body.records as Array<{ action: string; target: string; outcome: string; reason: string | null }>
    ).map((row) => `${row.action} ${row.target} ${row.outcome}${row.reason ? ` ${row.reason}` : ''}`);
    expect(steps).toEqual(
      expect.arrayContaining([
        'consent:record POST /intake/allegations/:id/consent denied invalid',
        'consent:record POST /intake/allegations/:id/consent denied no-share',
        'consent:record consent:1:recorded allowed',
        `case:share share:${shareId} allowed`,
        'consent:record POST /intake/allegations/:id/consent/withdrawal denied not-lead',
        'consent:record consent:2:withdrawn allowed',
        `consent:record share:${shareId}:revoked allowed consent-withdrawn`,
        'consent:record POST /intake/allegations/:id/consent/withdrawal denied nothing-to-withdraw',
        'case:share POST /intake/allegations/:id/shares denied consent-missing',
      ]),
    );
  });

  it('given a lead transfer requested on consent, when the consent is withdrawn before it is accepted, then the new lead cannot take the case', async () => {
    const created = await call(running.baseUrl, 'POST', '/intake/allegations', {
      ...(await as('intake-officer', LEAD)),
      body: { ...validAllegation, consent },
    });
    const caseId: string = created.body.id;
    const requested = await call(running.baseUrl, 'POST', `/intake/allegations/${caseId}/lead-transfers`, {
      ...(await as('intake-officer', LEAD)),
      body: { toEntity: PARTNER },
    });
    expect(requested.status).toBe(201);
    const withdrawn = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/consent/withdrawal`,
      {
        ...(await as('intake-officer', LEAD)),
        body: { withdrawnBy: 'victim', withdrawnOn: '2026-05-02', form: 'oral' },
      },
    );
    expect(withdrawn.status).toBe(201);
    const accepted = await call(
      running.baseUrl,
      'POST',
      `/intake/allegations/${caseId}/lead-transfers/${requested.body.transferId}/accept`,
      await as('supervisor', PARTNER),
    );
    expect(accepted.status).toBe(409);
    const stillLed = await call(
      running.baseUrl,
      'GET',
      `/intake/allegations/${caseId}`,
      await as('intake-officer', LEAD),
    );
    expect(stillLed.body.leadEntity).toBe(LEAD);
  });

  it('given a consent history, when anyone rewrites or erases it in the database, then PostgreSQL refuses', async () => {
    const client = new Client({ connectionString: system().database.url });
    await client.connect();
    try {
      for (const statement of [
        `UPDATE intake.consent_record SET share_with_un_entities = 'yes'`,
        'DELETE FROM intake.consent_record',
        'TRUNCATE intake.consent_record',
      ]) {
        await expect(client.query(statement)).rejects.toThrow(/append-only/);
      }
      const rows = await client.query<{ count: string }>(
        'SELECT count(*) AS count FROM intake.consent_record',
      );
      expect(Number(rows.rows[0]?.count)).toBeGreaterThanOrEqual(2);
    } finally {
      await client.end();
    }
  });
});
