import type { AuditRecordView as AuditRow } from '@reprisals/audit';
import { Client } from 'pg';
import { eventually } from '@reprisals/testing';
import { everyStoredValue } from './stored-values.fixture';
import { as, call, useStandaloneSystem, validAllegation, type RunningProcess } from './system.fixture';

const LEAD = 'OHCHR';
/** Fixture identities: they must come back to authorised readers and be found nowhere else. */
const NAMES = {
  victim: 'Amaranta Quispe-Villalobos',
  alias: 'La Maestra Quispe',
  organisation: 'Colectivo Tierra Viva Ixcan',
  source: 'Bartolome Zenteno-Urquidi',
  contact: 'signal +99 555 0199 7788',
  account: 'Detained at the airport by officers who named the Geneva session she attended',
  place: 'Aeropuerto Internacional Jorge Chavez',
  actDescription: 'Officers of the Tambopata unit seized her phone',
  cooperationDescription: 'Briefed the Committee on the Chiribiquete water project',
};

const allegation = {
  ...validAllegation,
  victims: [
    {
      kind: 'individual',
      name: NAMES.victim,
      aliases: [NAMES.alias],
      gender: 'woman',
      ageGroup: 'adult',
      profile: 'human-rights-defender',
      contact: NAMES.contact,
    },
    { kind: 'organisation', name: NAMES.organisation, organisationType: 'ngo' },
  ],
  sources: [
    {
      name: NAMES.source,
      channel: 'meeting',
      receivedOn: '2026-05-01',
      relation: 'relative',
      reliability: 'reliable',
    },
  ],
  detailedAccount: NAMES.account,
  cooperation: {
    mechanism: 'treaty-body',
    detail: 'Committee on Economic, Social and Cultural Rights',
    category: 'a',
    description: NAMES.cooperationDescription,
  },
  acts: [
    {
      type: 'arbitrary-arrest-or-detention',
      date: '2026-04-28',
      country: validAllegation.stateConcerned,
      place: NAMES.place,
      online: false,
      perpetrator: 'state',
      description: NAMES.actDescription,
    },
    {
      type: 'online-harassment',
      periodFrom: '2026-03-01',
      country: validAllegation.stateConcerned,
      online: true,
      perpetrator: 'unknown',
    },
  ],
};

describe('identities of victims and sources', () => {
  const system = useStandaloneSystem('identities');
  let running: RunningProcess;

  beforeAll(() => {
    ({ running } = system());
  });

  it('given an allegation with two victims, a source and an account, when recorded, then only readers with the full file get the identities, every read is audited, and no table holds them in clear', async () => {
    const created = await call(running.baseUrl, 'POST', '/intake/allegations', {
      ...(await as('intake-officer', LEAD)),
      body: allegation,
    });
    expect(created.status).toBe(201);
    const caseId: string = created.body.id;

    const summary = await call(
      running.baseUrl,
      'GET',
      `/intake/allegations/${caseId}`,
      await as('intake-officer', LEAD),
    );
    expect(summary.body.victims).toEqual([
      expect.objectContaining({
        pseudonym: expect.stringMatching(/^V-[0-9A-Z]{4}$/),
        kind: 'individual',
        profile: 'human-rights-defender',
      }),
      expect.objectContaining({ kind: 'organisation', organisationType: 'ngo' }),
    ]);
    expect(summary.body.sources).toEqual([
      expect.objectContaining({ pseudonym: expect.stringMatching(/^S-/), reliability: 'reliable' }),
    ]);
    expect(JSON.stringify(summary.body)).not.toContain(NAMES.victim);

    const identities = await call(
      running.baseUrl,
      'GET',
      `/intake/allegations/${caseId}/identities`,
      await as('intake-officer', LEAD),
    );
    expect(identities.status).toBe(200);
    expect(identities.body).toEqual({
      victims: [
        {
          pseudonym: summary.body.victims[0].pseudonym,
          name: NAMES.victim,
          aliases: [NAMES.alias],
          contact: NAMES.contact,
        },
        { pseudonym: summary.body.victims[1].pseudonym, name: NAMES.organisation, aliases: [] },
      ],
      sources: [{ pseudonym: summary.body.sources[0].pseudonym, name: NAMES.source }],
      detailedAccount: NAMES.account,
      cooperationDescription: NAMES.cooperationDescription,
      acts: [
        { position: 0, place: NAMES.place, description: NAMES.actDescription },
        { position: 1, place: null, description: null },
      ],
    });
    expect(summary.body.cooperation).toEqual({
      mechanism: 'treaty-body',
      detail: 'Committee on Economic, Social and Cultural Rights',
      category: 'a',
      date: null,
    });
    expect(summary.body.acts).toEqual([
      expect.objectContaining({ type: 'arbitrary-arrest-or-detention', date: '2026-04-28', online: false }),
      expect.objectContaining({
        type: 'online-harassment',
        periodFrom: '2026-03-01',
        online: true,
        perpetrator: 'unknown',
      }),
    ]);

    // Roles without the permission, and entities without the full file, get nothing.
    const identitiesPath = `/intake/allegations/${caseId}/identities`;
    expect(
      (await call(running.baseUrl, 'GET', identitiesPath, await as('reporting-analyst', LEAD))).status,
    ).toBe(403);
    expect((await call(running.baseUrl, 'GET', identitiesPath, await as('auditor', LEAD))).status).toBe(403);
    expect(
      (await call(running.baseUrl, 'GET', identitiesPath, await as('focal-point', 'UNHCR'))).status,
    ).toBe(404);

    const shareWith = async (entity: string, scope: 'summary' | 'full') => {
      const offered = await call(running.baseUrl, 'POST', `/intake/allegations/${caseId}/shares`, {
        ...(await as('supervisor', LEAD)),
        body: {
          entity,
          purpose: 'Follow-up of the detention',
          scope,
          overrideReason: 'Imminent risk: hearing set for next week',
        },
      });
      await call(
        running.baseUrl,
        'POST',
        `/intake/allegations/${caseId}/shares/${offered.body.shareId}/accept`,
        await as('focal-point', entity),
      );
    };
    await shareWith('TREATY-BODIES', 'summary');
    await shareWith('SPECIAL-PROCEDURES', 'full');
    const bySummaryShare = await call(
      running.baseUrl,
      'GET',
      identitiesPath,
      await as('focal-point', 'TREATY-BODIES'),
    );
    expect(bySummaryShare.status).toBe(403);
    expect(JSON.stringify(bySummaryShare.body)).not.toContain(NAMES.victim);
    expect(
      (
        await call(
          running.baseUrl,
          'GET',
          `/intake/allegations/${caseId}`,
          await as('focal-point', 'TREATY-BODIES'),
        )
      ).status,
    ).toBe(200);
    const byFullShare = await call(
      running.baseUrl,
      'GET',
      identitiesPath,
      await as('focal-point', 'SPECIAL-PROCEDURES'),
    );
    expect(byFullShare.body.victims[0].name).toBe(NAMES.victim);

    const audit = await call(
      running.baseUrl,
      'GET',
      `/intake/audit?caseId=${caseId}`,
      await as('auditor', LEAD),
    );
    const reads = (audit.body.records as AuditRow[])
      .filter((row) => row.action === 'case:read-identities')
      .map((row) => `${row.actorEntity} ${row.outcome}${row.reason ? ` ${row.reason}` : ''}`);
    expect(reads).toEqual([
      'OHCHR allowed',
      'OHCHR denied missing-permission',
      'OHCHR denied missing-permission',
      'UNHCR denied no-share',
      'TREATY-BODIES denied summary-share',
      'SPECIAL-PROCEDURES allowed',
    ]);
    expect(JSON.stringify(audit.body)).not.toContain(NAMES.victim);

    // Wait until every service has handled the case's events, then look at everything stored.
    await eventually(
      async () =>
        (
          await call(
            running.baseUrl,
            'GET',
            `/reporting/cases/${caseId}/timeline`,
            await as('reporting-analyst', LEAD),
          )
        ).status === 200,
      { description: 'the case in reporting' },
    );
    const stored = await everyStoredValue(system().database.url);
    expect(stored).toContain(caseId);
    for (const value of Object.values(NAMES)) expect(stored).not.toContain(value);
  });

  it('given a recorded case, when its lead erases the personal data, then no API returns its identities, its key is gone, and the rest of the case remains', async () => {
    const created = await call(running.baseUrl, 'POST', '/intake/allegations', {
      ...(await as('intake-officer', LEAD)),
      body: allegation,
    });
    const caseId: string = created.body.id;
    const erasePath = `/intake/allegations/${caseId}/personal-data`;
    const identitiesPath = `/intake/allegations/${caseId}/identities`;
    const erasure = { reason: 'request-of-the-person', note: 'The person asked in writing on 2 May.' };

    const noReason = await call(running.baseUrl, 'DELETE', erasePath, {
      ...(await as('supervisor', LEAD)),
      body: {},
    });
    expect(noReason.status).toBe(400);
    expect((noReason.body.issues as { field: string }[]).map((issue) => issue.field)).toEqual([
      'reason',
      'note',
    ]);
    expect(
      (
        await call(running.baseUrl, 'DELETE', erasePath, {
          ...(await as('intake-officer', LEAD)),
          body: erasure,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(running.baseUrl, 'DELETE', erasePath, {
          ...(await as('supervisor', 'UNDP')),
          body: erasure,
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(running.baseUrl, 'GET', identitiesPath, await as('intake-officer', LEAD))).status,
    ).toBe(200);

    const erased = await call(running.baseUrl, 'DELETE', erasePath, {
      ...(await as('supervisor', LEAD)),
      body: erasure,
    });
    expect(erased.status).toBe(200);
    const afterwards = await call(running.baseUrl, 'GET', identitiesPath, await as('intake-officer', LEAD));
    expect(afterwards.status).toBe(410);
    const noEvidence = await call(
      running.baseUrl,
      'GET',
      `/intake/allegations/${caseId}/attachments`,
      await as('intake-officer', LEAD),
    );
    expect(noEvidence.status).toBe(410);
    expect(JSON.stringify(afterwards.body)).not.toContain(NAMES.victim);
    expect(
      (await call(running.baseUrl, 'DELETE', erasePath, { ...(await as('supervisor', LEAD)), body: erasure }))
        .status,
    ).toBe(409);
    const stillThere = await call(
      running.baseUrl,
      'GET',
      `/intake/allegations/${caseId}`,
      await as('intake-officer', LEAD),
    );
    expect(stillThere).toMatchObject({
      status: 200,
      body: { reference: created.body.reference, hasDetailedAccount: true },
    });

    const client = new Client({ connectionString: system().database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ wrapped_key: Buffer | null; destroyed_at: Date | null }>(
        'SELECT wrapped_key, destroyed_at FROM intake.case_data_key WHERE case_id = $1',
        [caseId],
      );
      expect(rows).toEqual([{ wrapped_key: null, destroyed_at: expect.any(Date) }]);
    } finally {
      await client.end();
    }

    const audit = await call(
      running.baseUrl,
      'GET',
      `/intake/audit?caseId=${caseId}`,
      await as('auditor', LEAD),
    );
    const erasures = (audit.body.records as AuditRow[])
      .filter((row) => row.action === 'case:erase')
      .map((row) => `${row.actorEntity} ${row.outcome}${row.reason ? ` ${row.reason}` : ''}`);
    expect(erasures).toEqual([
      'OHCHR denied missing-permission',
      'UNDP denied no-share',
      'OHCHR allowed',
      'OHCHR denied already-erased',
    ]);
    const gone = (audit.body.records as AuditRow[]).filter((row) => row.action === 'case:read-identities');
    expect(gone.map((row) => row.outcome)).toEqual(['allowed', 'allowed']);
  });
});
