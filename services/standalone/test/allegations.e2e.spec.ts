import { as, call, useStandaloneSystem, validAllegation, type RunningProcess } from './system.fixture';

const LEAD = 'OHCHR';
const OTHER = 'OHCHR-COL';

interface ListItem {
  id: string;
  reference: string;
  state: string;
  stateConcerned: string;
  receivedOn: string;
  victimCount: number;
}

describe('allegations as intake lists and receives them', () => {
  const system = useStandaloneSystem('allegations');
  let running: RunningProcess;

  beforeAll(() => {
    ({ running } = system());
  });

  /** Records an allegation received on `receivedOn`, its act the day before. */
  const record = async (entity: string, overrides: { receivedOn?: string; victims?: unknown[] } = {}) => {
    const receivedOn = overrides.receivedOn ?? validAllegation.receivedOn;
    const day = new Date(`${receivedOn}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - 1);
    const [act] = validAllegation.acts;
    const answer = await call(running.baseUrl, 'POST', '/intake/allegations', {
      ...(await as('intake-officer', entity)),
      body: { ...validAllegation, ...overrides, acts: [{ ...act, date: day.toISOString().slice(0, 10) }] },
    });
    expect(answer.status).toBe(201);
    return answer.body as { id: string; reference: string };
  };

  it('given cases of two entities, when each lists them, then each sees only its own, newest first, filtered and paged, without identities', async () => {
    const older = await record(LEAD, { receivedOn: '2026-03-01' });
    const withVictim = await record(LEAD, {
      receivedOn: '2026-04-01',
      victims: [{ kind: 'individual', name: 'Ofelia Marcano-Iturbe', profile: 'journalist' }],
    });
    const erased = await record(LEAD, { receivedOn: '2026-04-15' });
    const flagged = await record(LEAD, { receivedOn: '2026-04-20' });
    const elsewhere = await record(OTHER);
    await call(running.baseUrl, 'DELETE', `/intake/allegations/${erased.id}/personal-data`, {
      ...(await as('supervisor', LEAD)),
      body: { reason: 'recorded-in-error', note: 'Entered twice by mistake.' },
    });
    await call(running.baseUrl, 'POST', `/intake/allegations/${flagged.id}/protection-risk`, {
      ...(await as('intake-officer', LEAD)),
      body: { level: 'high', reason: 'person-in-detention', note: 'Detained since the hearing.' },
    });

    const list = async (query: string, entity = LEAD) =>
      call(running.baseUrl, 'GET', `/intake/allegations${query}`, await as('verification-officer', entity));
    const all = await list('');
    expect(all.status).toBe(200);
    const ids = (all.body.items as ListItem[]).map((item) => item.id);
    expect(ids).toEqual([flagged.id, erased.id, withVictim.id, older.id]);
    expect(all.body).toMatchObject({ page: 1, pageSize: 20, total: 4 });
    expect(JSON.stringify(all.body)).not.toContain('Ofelia');
    expect((all.body.items as ListItem[]).find((item) => item.id === withVictim.id)?.victimCount).toBe(1);

    expect(((await list('', OTHER)).body.items as ListItem[]).map((item) => item.id)).toEqual([elsewhere.id]);
    expect(((await list('?state=erased')).body.items as ListItem[]).map((item) => item.id)).toEqual([
      erased.id,
    ]);
    expect(((await list('?state=withheld')).body.items as ListItem[]).map((item) => item.id)).toEqual([
      flagged.id,
    ]);
    const window = await list('?receivedFrom=2026-04-01&receivedTo=2026-04-16');
    expect((window.body.items as ListItem[]).map((item) => item.id)).toEqual([erased.id, withVictim.id]);
    const secondPage = await list('?pageSize=3&page=2');
    expect(secondPage.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
    expect((secondPage.body.items as ListItem[]).map((item) => item.id)).toEqual([older.id]);
    expect((await list(`?country=${validAllegation.stateConcerned}`)).body.total as number).toBe(4);

    const invalid = await list(
      '?state=lost&receivedFrom=2026-05-01&receivedTo=2026-04-01&pageSize=500&colour=red',
    );
    expect(invalid.status).toBe(400);
    expect((invalid.body.issues as { field: string }[]).map((issue) => issue.field).sort()).toEqual([
      'colour',
      'pageSize',
      'state',
    ]);
    const reversed = await list('?receivedFrom=2026-05-01&receivedTo=2026-04-01');
    expect(reversed.body.issues).toEqual([
      { field: 'receivedTo', message: 'must not be before receivedFrom' },
    ]);
  });

  it('given an Idempotency-Key, when the same POST is retried, then the first case is returned; the same key with another body is refused', async () => {
    const send = async (key: string, body: unknown, sub = 'officer-retry') =>
      call(running.baseUrl, 'POST', '/intake/allegations', {
        ...(await as('intake-officer', LEAD, sub)),
        body,
        headers: { 'idempotency-key': key },
      });
    const body = {
      ...validAllegation,
      victims: [{ kind: 'individual', name: 'Teodora Anchundia', profile: 'lawyer' }],
    };
    const first = await send('retry-2026-05-02-001', body);
    const retried = await send('retry-2026-05-02-001', body);
    expect(first.status).toBe(201);
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(first.body);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const concurrent = await Promise.all([1, 2, 3].map(() => send('retry-2026-05-02-002', body)));
    expect(new Set(concurrent.map((answer) => answer.body.id)).size).toBe(1);

    const otherBody = await send('retry-2026-05-02-001', {
      ...body,
      summary: `${validAllegation.summary} Changed.`,
    });
    expect(otherBody.status).toBe(422);
    const otherCaller = await send('retry-2026-05-02-001', body, 'another-officer');
    expect(otherCaller.status).toBe(201);
    expect(otherCaller.body.id).not.toBe(first.body.id);
    const badKey = await send('has spaces', body);
    expect(badKey.status).toBe(400);
    expect(badKey.body.issues).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);

    const listed = await call(
      running.baseUrl,
      'GET',
      '/intake/allegations?pageSize=100',
      await as('intake-officer', LEAD),
    );
    const ids = (listed.body.items as ListItem[]).map((item) => item.id);
    expect(ids.filter((id) => id === first.body.id)).toHaveLength(1);
    expect(ids.filter((id) => id === concurrent[0]?.body.id)).toHaveLength(1);
  });

  it('given a realistic allegation with two victims, sources, acts and consent, when recorded in one call, then each part is where it belongs', async () => {
    const realistic = {
      stateConcerned: 'NIC',
      receivedVia: 'meeting',
      receivedOn: '2026-05-02',
      summary: 'Two defenders who briefed the review were detained and their organisation deregistered.',
      submissionLanguage: 'es',
      victims: [
        {
          kind: 'individual',
          name: 'Rosalía Quintanilla Ubeda',
          aliases: ['Chalía'],
          gender: 'woman',
          ageGroup: 'adult',
          profile: 'human-rights-defender',
          contact: 'via the Geneva office only',
        },
        { kind: 'organisation', name: 'Colectivo Nicaragua Nunca Mas', organisationType: 'ngo' },
      ],
      cooperation: {
        mechanism: 'universal-periodic-review',
        category: 'a',
        date: '2026-01-22',
        description: 'Delivered a statement at the pre-session in Geneva',
      },
      acts: [
        {
          type: 'arbitrary-arrest-or-detention',
          date: '2026-04-30',
          country: 'NIC',
          place: 'Managua airport',
          online: false,
          perpetrator: 'state',
          description: 'Detained on arrival for 14 hours',
        },
        {
          type: 'restrictive-legislation-or-deregistration',
          periodFrom: '2026-02-01',
          periodTo: '2026-03-15',
          country: 'NIC',
          online: false,
          perpetrator: 'state',
        },
        {
          type: 'online-harassment',
          periodFrom: '2026-01-25',
          country: 'NIC',
          online: true,
          perpetrator: 'unknown',
        },
      ],
      sources: [
        {
          name: 'Organisation partner in Costa Rica',
          channel: 'email',
          receivedOn: '2026-05-01',
          relation: 'organisation',
          reliability: 'reliable',
        },
        {
          name: 'Brother of the defender',
          channel: 'meeting',
          receivedOn: '2026-05-02',
          relation: 'relative',
        },
      ],
      consent: {
        scopes: { raiseWithState: 'anonymous', shareWithUnEntities: 'yes', publish: 'anonymous' },
        givenBy: 'victim',
        givenOn: '2026-05-02',
        form: 'written',
      },
      detailedAccount: 'Both were questioned about the statement delivered at the pre-session.',
    };
    const created = await call(running.baseUrl, 'POST', '/intake/allegations', {
      ...(await as('intake-officer', LEAD)),
      body: realistic,
    });
    expect(created.status).toBe(201);
    const caseId: string = created.body.id;
    const read = async (path: string) =>
      (
        await call(
          running.baseUrl,
          'GET',
          `/intake/allegations/${caseId}${path}`,
          await as('intake-officer', LEAD),
        )
      ).body;

    const allegation = await read('');
    expect(allegation).toMatchObject({
      stateConcerned: 'NIC',
      cooperation: {
        mechanism: 'universal-periodic-review',
        category: 'a',
        date: '2026-01-22',
        detail: null,
      },
      hasDetailedAccount: true,
    });
    expect(allegation.victims).toHaveLength(2);
    expect(allegation.acts.map((act: { type: string }) => act.type)).toEqual([
      'arbitrary-arrest-or-detention',
      'restrictive-legislation-or-deregistration',
      'online-harassment',
    ]);
    expect(allegation.sources.map((source: { reliability: string }) => source.reliability)).toEqual([
      'reliable',
      'not-yet-assessed',
    ]);
    expect(JSON.stringify(allegation)).not.toMatch(/Rosalía|Managua|Geneva|Brother/);

    expect(await read('/consent')).toMatchObject({
      status: 'recorded',
      history: [{ version: 1, givenBy: 'victim' }],
    });
    const identities = await read('/identities');
    expect(identities.victims.map((victim: { name: string }) => victim.name)).toEqual([
      'Rosalía Quintanilla Ubeda',
      'Colectivo Nicaragua Nunca Mas',
    ]);
    expect(identities.acts[0]).toEqual({
      position: 0,
      place: 'Managua airport',
      description: 'Detained on arrival for 14 hours',
    });
    expect(identities.cooperationDescription).toBe('Delivered a statement at the pre-session in Geneva');

    // A focal point may record allegations but not consent: the whole call is refused and audited.
    const byFocalPoint = await call(running.baseUrl, 'POST', '/intake/allegations', {
      ...(await as('focal-point', LEAD)),
      body: realistic,
    });
    expect(byFocalPoint.status).toBe(403);
  });

  it('given an allegation wrong in many places, when posted, then one 400 names every field and nothing is written', async () => {
    const before = (
      await call(running.baseUrl, 'GET', '/intake/allegations?pageSize=100', await as('intake-officer', LEAD))
    ).body.total as number;
    const wrong = await call(running.baseUrl, 'POST', '/intake/allegations', {
      ...(await as('intake-officer', LEAD)),
      body: {
        ...validAllegation,
        stateConcerned: 'TWN',
        victims: [
          { kind: 'individual', name: '', profile: 'influencer' },
          { kind: 'group', name: 'x' },
        ],
        cooperation: { mechanism: 'special-procedure', category: 'e' },
        acts: [
          { type: 'travel-ban', date: '2026-05-20', country: 'BLR', online: false, perpetrator: 'state' },
          {
            type: 'threats',
            periodFrom: '2026-04-10',
            periodTo: '2026-04-01',
            country: 'XXX',
            online: 'yes',
            perpetrator: 'state',
          },
        ],
        sources: [
          {
            name: 'A source',
            channel: 'email',
            receivedOn: '2026-06-01',
            relation: 'relative',
            colour: 'red',
          },
        ],
      },
    });
    expect(wrong.status).toBe(400);
    expect((wrong.body.issues as { field: string }[]).map((issue) => issue.field).sort()).toEqual(
      [
        'stateConcerned',
        'victims.0.name',
        'victims.0.profile',
        'victims.1.kind',
        'cooperation.category',
        'cooperation.detail',
        'acts.0.date',
        'acts.1.periodTo',
        'acts.1.country',
        'acts.1.online',
        'sources.0.colour',
        'sources.0.receivedOn',
      ].sort(),
    );
    const dated = await call(running.baseUrl, 'POST', '/intake/allegations', {
      ...(await as('intake-officer', LEAD)),
      body: {
        ...validAllegation,
        acts: [{ ...validAllegation.acts[0], date: '2026-05-20' }],
        sources: [{ name: 'A source', channel: 'email', receivedOn: '2026-06-01', relation: 'relative' }],
      },
    });
    expect(dated.body.issues).toEqual([
      { field: 'acts.0.date', message: 'cannot be after the allegation was received (receivedOn)' },
      { field: 'sources.0.receivedOn', message: 'cannot be after the allegation was received (receivedOn)' },
    ]);
    const after = (
      await call(running.baseUrl, 'GET', '/intake/allegations?pageSize=100', await as('intake-officer', LEAD))
    ).body.total as number;
    expect(after).toBe(before);
  });

  it('given an allegation read with its ETag, when two officers change it, then the second, on the old version, gets 412 and nothing of it is written', async () => {
    const created = await record(LEAD);
    const path = `/intake/allegations/${created.id}`;
    const read = await call(running.baseUrl, 'GET', path, await as('intake-officer', LEAD));
    const etag = read.headers.get('etag');
    expect(etag).toBe('"1"');
    const change = (body: unknown, ifMatch?: string, entity = LEAD) =>
      as('intake-officer', entity).then(({ token }) =>
        call(running.baseUrl, 'PATCH', path, {
          token,
          body,
          ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
        }),
      );

    const first = await change(
      { summary: 'A reviewer confirmed the questioning took place on return.', receivedVia: 'meeting' },
      etag!,
    );
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ version: 2 });
    expect(first.headers.get('etag')).toBe('"2"');
    const second = await change(
      { summary: 'A different correction made on the version read before.' },
      etag!,
    );
    expect(second.status).toBe(412);
    expect((await change({ summary: 'A change without any precondition at all.' })).status).toBe(428);
    expect(
      (await change({ summary: 'A change by an entity that does not see it.' }, '"2"', 'UNDP')).status,
    ).toBe(404);
    const unknown = await change({ stateConcerned: 'FRA' }, '"2"');
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues).toEqual([
      { field: 'stateConcerned', message: 'is not a known field' },
      { field: '(body)', message: 'name at least one field to change' },
    ]);

    expect(
      (await change({ summary: 'A change made on a weak entity tag of the version.' }, 'W/"2"')).status,
    ).toBe(412);
    const tomorrow = await change(
      { cooperation: { mechanism: 'human-rights-council', category: 'a', date: '2999-01-01' } },
      '"2"',
    );
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body.issues).toEqual([
      { field: 'cooperation.date', message: 'cannot be later than today' },
    ]);
    const beforeTheUn = await change(
      { cooperation: { mechanism: 'human-rights-council', category: 'a', date: '0000-01-01' } },
      '"2"',
    );
    expect(beforeTheUn.body.issues).toEqual([
      { field: 'cooperation.date', message: 'must not be before 1900' },
    ]);

    const now = await call(running.baseUrl, 'GET', path, await as('intake-officer', LEAD));
    expect(now.body).toMatchObject({
      version: 2,
      receivedVia: 'meeting',
      summary: 'A reviewer confirmed the questioning took place on return.',
    });
    const completed = await change(
      {
        cooperation: {
          mechanism: 'special-procedure',
          detail: 'Special Rapporteur on human rights defenders',
          category: 'c',
        },
        detailedAccount: 'The officers quoted her submission to the Special Rapporteur.',
      },
      '"2"',
    );
    expect(completed.body).toEqual({ version: 3 });
    const anyVersion = await change({ submissionLanguage: 'es' }, '*');
    expect(anyVersion.body).toEqual({ version: 4 });
    const identities = await call(
      running.baseUrl,
      'GET',
      `${path}/identities`,
      await as('intake-officer', LEAD),
    );
    expect(identities.body.detailedAccount).toBe(
      'The officers quoted her submission to the Special Rapporteur.',
    );

    const audit = await call(
      running.baseUrl,
      'GET',
      `/intake/audit?caseId=${created.id}`,
      await as('auditor', LEAD),
    );
    const changes = (
      audit.body.records as Array<{ action: string; target: string; outcome: string; reason: string | null }>
    )
      .filter(
        (row) => row.target.startsWith('allegation:v') || row.target === 'PATCH /intake/allegations/:id',
      )
      .map((row) => `${row.outcome} ${row.reason ?? row.target}`);
    expect(changes).toEqual([
      'allowed allegation:v2:summary+receivedVia',
      'denied stale-version',
      'denied precondition-required',
      'denied no-share',
      'denied stale-version',
      'denied invalid',
      'allowed allegation:v3:cooperation+detailedAccount',
      'allowed allegation:v4:submissionLanguage',
    ]);
  });

  it('given a recorded allegation, when its lead corrects a victim, adds one, replaces the acts and the sources, then pseudonyms stay, the identities follow and the facts are new', async () => {
    const created = await record(LEAD, {
      victims: [
        { kind: 'individual', name: 'Misspelt Namee', profile: 'journalist', contact: 'old contact route' },
        { kind: 'individual', name: 'Removed Person', profile: 'witness' },
      ],
    });
    const path = `/intake/allegations/${created.id}`;
    const before = await call(running.baseUrl, 'GET', path, await as('intake-officer', LEAD));
    const [kept, removed] = (before.body.victims as Array<{ pseudonym: string }>).map(
      (victim) => victim.pseudonym,
    );
    const patch = (body: unknown, version: string) =>
      as('intake-officer', LEAD).then(({ token }) =>
        call(running.baseUrl, 'PATCH', path, { token, body, headers: { 'if-match': version } }),
      );

    const wrong = await patch(
      {
        victims: [
          { pseudonym: 'V-ZZZZ', kind: 'individual', name: 'Someone', profile: 'lawyer' },
          { pseudonym: kept, kind: 'individual', name: 'Twice', profile: 'lawyer' },
          { pseudonym: kept, kind: 'individual', name: 'Twice again', profile: 'lawyer' },
        ],
        sources: [{ name: 'A source', channel: 'email', receivedOn: '2026-06-01', relation: 'relative' }],
      },
      '"1"',
    );
    expect(wrong.status).toBe(400);
    expect((wrong.body.issues as { field: string }[]).map((issue) => issue.field)).toEqual([
      'sources.0.receivedOn',
      'victims.0.pseudonym',
      'victims.2.pseudonym',
    ]);

    const corrected = await patch(
      {
        victims: [
          {
            pseudonym: kept,
            kind: 'individual',
            name: 'Corrected Name',
            profile: 'journalist',
            contact: 'new contact route',
          },
          { kind: 'organisation', name: 'Added Organisation', organisationType: 'media' },
        ],
        sources: [
          { name: 'A new source', channel: 'meeting', receivedOn: '2026-05-01', relation: 'witness' },
        ],
        acts: [
          {
            type: 'surveillance',
            periodFrom: '2026-03-01',
            country: validAllegation.stateConcerned,
            online: true,
            perpetrator: 'state',
          },
        ],
      },
      '"1"',
    );
    expect(corrected.body).toEqual({ version: 2 });
    const after = await call(running.baseUrl, 'GET', path, await as('intake-officer', LEAD));
    const pseudonyms = (after.body.victims as Array<{ pseudonym: string; kind: string }>).map(
      (victim) => victim.pseudonym,
    );
    expect(pseudonyms[0]).toBe(kept);
    expect(pseudonyms).not.toContain(removed);
    expect(after.body.victims[1]).toMatchObject({ kind: 'organisation', organisationType: 'media' });
    expect(after.body.acts).toEqual([expect.objectContaining({ type: 'surveillance', online: true })]);
    const identities = await call(
      running.baseUrl,
      'GET',
      `${path}/identities`,
      await as('intake-officer', LEAD),
    );
    expect(identities.body.victims).toEqual([
      { pseudonym: kept, name: 'Corrected Name', aliases: [], contact: 'new contact route' },
      { pseudonym: pseudonyms[1], name: 'Added Organisation', aliases: [] },
    ]);
    expect(identities.body.sources).toEqual([expect.objectContaining({ name: 'A new source' })]);
    expect(JSON.stringify(identities.body)).not.toMatch(/Misspelt|Removed Person|old contact/);
  });

  it('given a body over the size limit, when posted, then 413 and nothing is written', async () => {
    const huge = JSON.stringify({ ...validAllegation, detailedAccount: 'x'.repeat(2 * 1024 * 1024) });
    const answer = await call(running.baseUrl, 'POST', '/intake/allegations', {
      ...(await as('intake-officer', LEAD)),
      rawBody: huge,
    });
    expect(answer.status).toBe(413);
  });
});
