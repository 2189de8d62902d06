import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ManualClock } from '@reprisals/kernel';
import { CommunicationTimers } from '@reprisals/state-communication';
import { eventually } from '@reprisals/testing';
import { UN_STATES } from '@reprisals/un-states';
import { issueDevelopmentToken } from '@reprisals/security';
import { as, call, tokenFor, useStandaloneSystem } from './system.fixture';
import { LEAD } from './verification-protocol.fixture';

describe('calls for input to every State, through the API', () => {
  const clock = new ManualClock('2027-05-03T09:00:00.000Z');
  const system = useStandaloneSystem('calls_for_input', { clock });
  const baseUrl = () => system().running.baseUrl;
  const liaison = () => as('state-liaison', LEAD, 'state-liaison-7');
  const supervisor = () => as('supervisor', LEAD, 'supervisor-7');
  const timers = () => system().running.app.get(CommunicationTimers, { strict: false }).scheduler;
  const callOf = async (id: string) =>
    (await call(baseUrl(), 'GET', `/state-communication/calls-for-input/${id}`, await liaison())).body;
  const lineOf = (view: any, state: string) =>
    view.recipients.find((recipient: any) => recipient.stateConcerned === state);

  /** The events the call put in state-communication's outbox, by type. */
  async function outboxTypes(): Promise<string[]> {
    const client = new Client({ connectionString: system().database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ type: string }>(
        `SELECT "event_type" AS type FROM "state_communication"."outbox_message" ORDER BY "created_at"`,
      );
      return rows.map((row) => row.type);
    } finally {
      await client.end();
    }
  }

  it('given bad input, when a call is opened, then the 400 names every field and nothing is written', async () => {
    const answer = await call(baseUrl(), 'POST', '/state-communication/calls-for-input', {
      ...(await liaison()),
      body: { periodFrom: '2027-04-30', periodTo: '2026-05-01', states: ['NIC', 'XXX'], colour: 'blue' },
    });
    expect(answer.status).toBe(400);
    const fields = JSON.stringify(answer.body);
    for (const field of ['periodTo', 'states.1', 'colour']) expect(fields).toContain(field);
    const list = await call(baseUrl(), 'GET', '/state-communication/calls-for-input', await liaison());
    expect(list.body.callsForInput).toEqual([]);
  });

  it('given a reporting period, when its call is drafted, approved and sent, then every State gets its letter once, in its language, and its reply is tracked', async () => {
    const opened = await call(baseUrl(), 'POST', '/state-communication/calls-for-input', {
      ...(await liaison()),
      body: {
        periodFrom: '2026-05-01',
        periodTo: '2027-04-30',
        states: ['NIC', 'BLR', 'FRA'],
        languageOf: { FRA: 'fr', NIC: 'es' },
      },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      reference: 'CFI-2026-05-01-2027-04-30',
      status: 'draft',
      totals: { recipients: 3, sent: 0, replied: 0, replyRate: null },
    });
    const id = opened.body.id as string;
    expect(opened.body.recipients.map((line: any) => [line.stateConcerned, line.language])).toEqual([
      ['BLR', 'en'],
      ['FRA', 'fr'],
      ['NIC', 'es'],
    ]);

    // One call per period.
    const again = await call(baseUrl(), 'POST', '/state-communication/calls-for-input', {
      ...(await liaison()),
      body: { periodFrom: '2026-05-01', periodTo: '2027-04-30', states: ['NIC'] },
    });
    expect(again.status).toBe(409);
    expect(again.body.reason).toBe('period-has-call');

    // Nothing leaves before a supervisor approves.
    const early = await call(baseUrl(), 'POST', `/state-communication/calls-for-input/${id}/dispatch`, {
      ...(await liaison()),
      body: {},
    });
    expect(early.status).toBe(409);
    const approved = await call(baseUrl(), 'POST', `/state-communication/calls-for-input/${id}/approve`, {
      ...(await supervisor()),
      body: {},
    });
    expect(approved.status).toBe(200);
    expect(approved.body.recipients.map((line: any) => line.status)).toEqual([
      'approved',
      'approved',
      'approved',
    ]);

    const dispatched = await call(baseUrl(), 'POST', `/state-communication/calls-for-input/${id}/dispatch`, {
      ...(await liaison()),
      body: {},
    });
    expect(dispatched.status).toBe(202);
    const sent = await eventually(async () => {
      const view = await callOf(id);
      return view.totals.sent === 3 ? view : undefined;
    });
    expect(sent.status).toBe('sent');
    for (const line of sent.recipients) expect(line.replyDueOn).toBe('2027-06-17');
    const french = readFileSync(
      join(system().dispatchDir, `${lineOf(sent, 'FRA').communicationId}.eml`),
      'utf8',
    );
    expect(french).toContain('To: permanent-mission.fra@example.org');
    expect(french).toContain('Mission permanente de France');
    const spanish = readFileSync(
      join(system().dispatchDir, `${lineOf(sent, 'NIC').communicationId}.eml`),
      'utf8',
    );
    expect(spanish).toContain('Misi');
    expect(spanish).toContain('Nicaragua');
    // One CallForInputSent per State, and no case's events.
    const types = await outboxTypes();
    expect(types.filter((type) => /call-?for-?input-?sent/i.test(type))).toHaveLength(3);
    expect(types.filter((type) => /communication-?sent/i.test(type))).toEqual([]);

    // Nicaragua answers; the others stay silent.
    const nicaragua = lineOf(sent, 'NIC').communicationId as string;
    clock.set('2027-05-21T09:00:00.000Z');
    const replied = await call(
      baseUrl(),
      'POST',
      `/state-communication/communications/${nicaragua}/replies`,
      {
        ...(await liaison()),
        body: {
          type: 'substantive-reply',
          receivedOn: '2027-05-20',
          language: 'es',
          assessment: 'responsive',
        },
      },
    );
    expect(replied.status).toBe(201);
    // Before the deadline, the silent States are not yet counted as silent.
    expect((await callOf(id)).totals).toMatchObject({ replied: 1, notYetDue: 2, replyRate: 1 });

    // Ten days before the deadline the silent States are reminded; after it and its grace, silence is missed.
    clock.set('2027-06-08T00:00:00.000Z');
    await timers().fireDue();
    clock.set('2027-07-02T00:00:00.000Z');
    await timers().fireDue();
    const tracked = await callOf(id);
    expect(tracked.totals).toEqual({
      recipients: 3,
      sent: 3,
      replied: 1,
      notYetDue: 0,
      replyRate: 0.333,
      deadlinesMissed: 2,
    });
    expect(lineOf(tracked, 'NIC')).toMatchObject({
      status: 'replied',
      firstReplyOn: '2027-05-20',
      replyTypes: ['substantive-reply'],
      remindersSent: 0,
      deadlineMissed: false,
    });
    for (const state of ['BLR', 'FRA'])
      expect(lineOf(tracked, state)).toMatchObject({
        status: 'sent',
        remindersSent: 1,
        deadlineMissed: true,
      });
  });

  it('given a call for a period, when another call would cover one of its days, or two are opened at once, then one call stands and the others get 409', async () => {
    const open = async (periodFrom: string, periodTo: string) =>
      call(baseUrl(), 'POST', '/state-communication/calls-for-input', {
        ...(await liaison()),
        body: { periodFrom, periodTo, states: ['TUV'] },
      });
    const racing = await Promise.all([open('2030-05-01', '2031-04-30'), open('2030-05-01', '2031-04-30')]);
    expect(racing.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const overlapping = await open('2031-04-30', '2032-04-29');
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.reason).toBe('period-has-call');
    // A year at most: 1 May to 1 May is a day too long.
    const tooLong = await open('2033-05-01', '2034-05-01');
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('periodTo');
  });

  it('given a call of one entity, when others act on it, then another entity does not see it, its letters go only with it, and its drafter cannot approve it', async () => {
    const drafter = await tokenFor('state-liaison', LEAD, 'liaison-and-supervisor');
    const both = await issueDevelopmentToken({
      sub: 'liaison-and-supervisor',
      entity: LEAD,
      roles: ['state-liaison', 'supervisor'],
    });
    const opened = await call(baseUrl(), 'POST', '/state-communication/calls-for-input', {
      token: drafter,
      body: { periodFrom: '2040-05-01', periodTo: '2041-04-30', states: ['TUV'] },
    });
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    const letter = opened.body.recipients[0].communicationId as string;

    // Four eyes: the drafter holding the supervisor's role too may not approve it.
    const ownApproval = await call(baseUrl(), 'POST', `/state-communication/calls-for-input/${id}/approve`, {
      token: both,
      body: {},
    });
    expect(ownApproval.status).toBe(409);
    expect(ownApproval.body.reason).toBe('four-eyes');

    // A letter of the call is approved and sent with it, not on its own.
    const alone = await call(baseUrl(), 'POST', `/state-communication/communications/${letter}/approve`, {
      ...(await supervisor()),
      body: {},
    });
    expect(alone.status).toBe(409);
    expect(alone.body.reason).toBe('part-of-call-for-input');

    // Another entity's people do not see it.
    const outsider = await as('supervisor', 'UNDP', 'supervisor-undp');
    expect(
      (await call(baseUrl(), 'GET', `/state-communication/calls-for-input/${id}`, outsider)).status,
    ).toBe(404);
    expect(
      (await call(baseUrl(), 'GET', `/state-communication/communications/${letter}`, outsider)).status,
    ).toBe(404);
    const approvedElsewhere = await call(
      baseUrl(),
      'POST',
      `/state-communication/calls-for-input/${id}/approve`,
      {
        ...outsider,
        body: {},
      },
    );
    expect(approvedElsewhere.status).toBe(404);
    const listed = await call(baseUrl(), 'GET', '/state-communication/calls-for-input', outsider);
    expect(listed.body.callsForInput).toEqual([]);
    expect((await callOf(id)).status).toBe('draft');
  });

  it('given no list of States, when a call is drafted, then it goes to every Member and Observer State', async () => {
    const opened = await call(baseUrl(), 'POST', '/state-communication/calls-for-input', {
      ...(await liaison()),
      body: { periodFrom: '2025-05-01', periodTo: '2026-04-30' },
    });
    expect(opened.status).toBe(201);
    expect(opened.body.recipients.map((line: any) => line.stateConcerned)).toEqual(
      UN_STATES.map((state) => state.alpha3).sort(),
    );
    const list = await call(baseUrl(), 'GET', '/state-communication/calls-for-input', await supervisor());
    expect(list.body.callsForInput.map((summary: any) => summary.reference)).toEqual([
      'CFI-2040-05-01-2041-04-30',
      'CFI-2030-05-01-2031-04-30',
      'CFI-2026-05-01-2027-04-30',
      'CFI-2025-05-01-2026-04-30',
    ]);
  });
});
