import type { AuditRecordView as AuditRow } from '@reprisals/audit';
import { ManualClock } from '@reprisals/kernel';
import { issueDevelopmentToken } from '@reprisals/security';
import { eventually } from '@reprisals/testing';
import { engagementWith } from './state-communication.fixture';
import { as, call, useStandaloneSystem } from './system.fixture';
import { LEAD, protocolClient } from './verification-protocol.fixture';

describe('a Permanent Mission reads what was sent to its State and replies', () => {
  const clock = new ManualClock('2026-11-30T09:00:00.000Z');
  const system = useStandaloneSystem('permanent_mission', { clock });
  const baseUrl = () => system().running.baseUrl;
  const protocol = protocolClient(baseUrl, () => system().database.url);
  const liaison = () => as('state-liaison', LEAD, 'state-liaison-3');
  const supervisor = () => as('supervisor', LEAD, 'supervisor-3');
  const mission = (state: string) => as('state-mission', state, `mission-${state.toLowerCase()}`);
  const asLiaison = async (method: 'GET' | 'POST', path: string, body?: unknown) =>
    call(baseUrl(), method, `/state-communication${path}`, {
      ...(await (method === 'POST' && path.endsWith('/approve') ? supervisor() : liaison())),
      ...(body === undefined ? {} : { body }),
    });

  /** A case against `state` with private engagement decided: its draft, optionally approved and sent. */
  const engagement = async (state: string, send: boolean) =>
    engagementWith(baseUrl, protocol, { state, send, liaison: 'state-liaison-3' });

  async function missionAudit(): Promise<AuditRow[]> {
    const audit = await call(
      baseUrl(),
      'GET',
      '/state-communication/audit?limit=1000',
      await as('auditor', LEAD),
    );
    expect(audit.status).toBe(200);
    return (audit.body.records as AuditRow[]).filter((row) => row.action.startsWith('mission:'));
  }

  it('given letters to Belarus, one sent and one still a draft, and one to Nicaragua, when each Mission reads, then it sees only what was sent to its own State, and its reply reaches verification', async () => {
    const sent = await engagement('BLR', true);
    const draft = await engagement('BLR', false);
    const other = await engagement('NIC', true);

    const listed = await call(
      baseUrl(),
      'GET',
      '/state-communication/mission/communications',
      await mission('BLR'),
    );
    expect(listed.status).toBe(200);
    expect(listed.body.communications.map((letter: any) => letter.id)).toEqual([sent.id]);
    const [letter] = listed.body.communications;
    expect(Object.keys(letter).sort()).toEqual(
      [
        'body',
        'id',
        'kind',
        'language',
        'reference',
        'remindersReceived',
        'replies',
        'replyDueOn',
        'sentOn',
        'subject',
      ].sort(),
    );
    expect(JSON.stringify(letter)).not.toContain(sent.caseId);

    // Another State's letter, or one not sent, does not exist for the Mission.
    for (const [state, id] of [
      ['BLR', other.id],
      ['BLR', draft.id],
      ['NIC', sent.id],
    ] as const) {
      const read = await call(
        baseUrl(),
        'GET',
        `/state-communication/mission/communications/${id}`,
        await mission(state),
      );
      expect(read.status).toBe(404);
    }
    const foreignReply = await call(
      baseUrl(),
      'POST',
      `/state-communication/mission/communications/${sent.id}/replies`,
      {
        ...(await mission('NIC')),
        body: { type: 'rejection-of-allegation', language: 'es' },
      },
    );
    expect(foreignReply.status).toBe(404);
    expect((await asLiaison('GET', `/communications/${sent.id}`)).body.replies).toEqual([]);

    // A Mission token names its State, and holds no staff role besides.
    const notAState = await call(
      baseUrl(),
      'GET',
      '/state-communication/mission/communications',
      await mission('OHCHR'),
    );
    expect(notAState.status).toBe(401);
    const mixed = await issueDevelopmentToken({
      sub: 'mission-blr',
      entity: 'BLR',
      roles: ['state-mission', 'supervisor'],
    });
    const asMixed = await call(baseUrl(), 'GET', '/state-communication/calls-for-input', { token: mixed });
    expect(asMixed.status).toBe(401);

    clock.set('2026-12-04T10:00:00.000Z');
    const replied = await call(
      baseUrl(),
      'POST',
      `/state-communication/mission/communications/${sent.id}/replies`,
      {
        ...(await mission('BLR')),
        body: { type: 'substantive-reply', language: 'ru' },
      },
    );
    expect(replied.status).toBe(201);
    expect(replied.body.replies).toEqual([
      { id: expect.any(String), type: 'substantive-reply', receivedOn: '2026-12-04', language: 'ru' },
    ]);
    const onFile = (await asLiaison('GET', `/communications/${sent.id}`)).body;
    expect(onFile.status).toBe('replied');
    expect(onFile.replies[0]).toMatchObject({ type: 'substantive-reply', assessment: null });
    // The liaison assesses it, once.
    const replyId = onFile.replies[0].id as string;
    const assess = async (id: string) =>
      asLiaison('POST', `/communications/${sent.id}/replies/${id}/assessment`, {
        assessment: 'partially-responsive',
      });
    const assessed = await assess(replyId);
    expect(assessed.status).toBe(200);
    expect(assessed.body.replies[0].assessment).toBe('partially-responsive');
    expect((await assess(replyId)).status).toBe(409);
    expect((await assess('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const view = await eventually(async () => {
      const read = await protocol.read(sent.caseId);
      return read.body.actions[0].stateReply ? read : undefined;
    });
    expect(view.body.actions[0].stateReply).toMatchObject({ type: 'substantive-reply' });

    // Every read and the reply are audited, the refusals as denied.
    const audited = await missionAudit();
    expect(audited.filter((row) => row.action === 'mission:reply' && row.outcome === 'allowed')).toHaveLength(
      1,
    );
    expect(audited.filter((row) => row.action === 'mission:reply' && row.outcome === 'denied')).toHaveLength(
      1,
    );
    expect(
      audited.filter((row) => row.action === 'mission:read-communications' && row.outcome === 'denied'),
    ).toHaveLength(3);
    expect(
      audited.filter((row) => row.action === 'mission:read-communications' && row.outcome === 'allowed')
        .length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('given a Mission token, when it calls the staff routes, then it is refused by role', async () => {
    const staff = await call(baseUrl(), 'GET', '/state-communication/communications', await mission('BLR'));
    expect(staff.status).toBe(403);
  });
});
