import { call, tokenFor, useStandaloneSystem, validAllegation, type RunningProcess } from './system.fixture';

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

  const as = async (role: Parameters<typeof tokenFor>[0], entity: string, sub?: string) => ({
    token: await tokenFor(role, entity, sub),
  });
  const record = async (entity: string, overrides: Record<string, unknown> = {}) =>
    (
      await call(running.baseUrl, 'POST', '/intake/allegations', {
        ...(await as('intake-officer', entity)),
        body: { ...validAllegation, ...overrides },
      })
    ).body as { id: string; reference: string };

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
});
