import { readdirSync } from 'node:fs';
import { COMMUNICATION_KINDS, STATE_REPLY_TYPES } from '@reprisals/contracts';
import { ManualClock } from '@reprisals/kernel';
import type { Role } from '@reprisals/security';
import { CommunicationTimers } from '@reprisals/state-communication';
import { eventually } from '@reprisals/testing';
import { ProtocolTimers } from '@reprisals/verification';
import { as, call, useStandaloneSystem } from './system.fixture';
import { CONSENT_TO_RAISE, LEAD, protocolClient } from './verification-protocol.fixture';

const LIAISON = 'state-liaison-1';
const DAY_MS = 86_400_000;
/** The two States given the same facts. */
const STATES = ['BLR', 'NIC'] as const;
type State = (typeof STATES)[number] | 'CHL';
const SENT_ON = '2026-11-30';
const PERIOD = 'from=2026-11-01&to=2026-11-30';

/** The CSV columns every request answers with, whatever was met. */
const CSV_COLUMNS = [
  'state',
  'sent',
  ...COMMUNICATION_KINDS.map((kind) => `sent.${kind}`),
  'sent.other',
  'replies',
  ...STATE_REPLY_TYPES.map((type) => `replies.${type}`),
  'replies.other',
  'replied_to',
  'not_yet_due',
  'reply_rate',
  'median_days_to_first_reply',
  'p90_days_to_first_reply',
  'reminders_sent',
  'deadlines_missed',
  'stopped',
  'failed',
  'policy_versions',
];

describe('figures of communications with States, through the API', () => {
  const clock = new ManualClock(`${SENT_ON}T09:00:00.000Z`);
  const system = useStandaloneSystem('communication_metrics', { clock });
  const baseUrl = () => system().running.baseUrl;
  const protocol = protocolClient(baseUrl, () => system().database.url);
  const liaison = () => as('state-liaison', LEAD, LIAISON);
  const supervisor = () => as('supervisor', LEAD, 'supervisor-9');
  const communicationTimers = () =>
    system().running.app.get(CommunicationTimers, { strict: false }).scheduler;
  const protocolTimers = () => system().running.app.get(ProtocolTimers, { strict: false }).scheduler;

  const metrics = async (query: string, role: Role = 'reporting-analyst') =>
    call(baseUrl(), 'GET', `/state-communication/metrics?${query}`, await as(role, LEAD));
  const communication = async (id: string) =>
    (await call(baseUrl(), 'GET', `/state-communication/communications/${id}`, await liaison())).body;

  /** The draft state-communication made of a private engagement decided for a case concerning `state`. */
  async function draftedEngagement(state: State): Promise<{ caseId: string; communicationId: string }> {
    const caseId = await protocol.verifiedCase({ consent: true, state });
    await protocol.decide(caseId, { actionType: 'private-engagement' });
    const draft = await eventually(async () => {
      const answer = await call(
        baseUrl(),
        'GET',
        `/state-communication/communications?caseId=${caseId}`,
        await liaison(),
      );
      return answer.body?.communications?.[0] as { id: string } | undefined;
    });
    return { caseId, communicationId: draft.id };
  }

  async function approveAndSend(id: string): Promise<void> {
    const approved = await call(baseUrl(), 'POST', `/state-communication/communications/${id}/approve`, {
      ...(await supervisor()),
      body: {},
    });
    expect(approved.status).toBe(200);
    const dispatched = await call(baseUrl(), 'POST', `/state-communication/communications/${id}/dispatch`, {
      ...(await liaison()),
      body: {},
    });
    expect(dispatched.status).toBe(202);
    await eventually(async () => (await communication(id)).status === 'sent');
  }

  /**
   * Moves the clock to `at`, fires what fell due in both services (so that every timer due fires at
   * that time, whenever the schedulers would have polled), and waits for every communication to show it.
   */
  async function moveClockTo(at: string, reached: (current: any) => boolean, ids: string[]): Promise<void> {
    clock.set(at);
    await communicationTimers().fireDue();
    await protocolTimers().fireDue();
    await eventually(async () => (await Promise.all(ids.map(communication))).every(reached), {
      description: `the communications to reflect ${at}`,
    });
  }

  /** A view with the identifiers of one case, its communication and its State put aside. */
  const withoutIdentifiers = (view: unknown, identifiers: Array<string | number>): unknown =>
    JSON.parse(
      identifiers.reduce<string>(
        (text, identifier) => text.split(String(identifier)).join('<identifier>'),
        JSON.stringify(view),
      ),
    );
  const withoutState = <T extends { state: string }>({ state: _state, ...figures }: T) => figures;
  const rowOf = (body: { states: Array<{ state: string }> }, state: State) =>
    body.states.find((row) => row.state === state);

  describe('given identical facts for two States, decided the same day and sent the same day', () => {
    const pair = {} as Record<State, { caseId: string; communicationId: string }>;
    const ids = () => STATES.map((state) => pair[state].communicationId);

    beforeAll(async () => {
      for (const state of STATES) pair[state] = await draftedEngagement(state);
      for (const state of STATES) await approveAndSend(pair[state].communicationId);
    });

    it('when time runs through the reminders and past the deadline, then both get the same schedule, reminders, missed deadline, escalation and figures', async () => {
      const [blr, nic] = await Promise.all(ids().map(communication));
      expect(blr.schedule).toEqual(nic.schedule);
      expect(blr.schedule).toMatchObject({
        sentAt: `${SENT_ON}T09:00:00.000Z`,
        replyDueOn: '2027-01-29',
        policyVersion: 'state-communication/v1',
      });
      const reminders = blr.schedule.reminders as Array<{ number: number; dueAt: string }>;
      expect(reminders.map((reminder) => reminder.number)).toEqual([1, 2]);

      for (const reminder of reminders)
        await moveClockTo(
          reminder.dueAt,
          (current) => current.remindersSent.length === reminder.number,
          ids(),
        );
      await moveClockTo(blr.schedule.deadlineMissedAt, (current) => current.deadlineMissed === true, ids());

      const after = await Promise.all(ids().map(communication));
      for (const current of after) {
        expect(current).toMatchObject({ status: 'sent', remindersSent: [1, 2], deadlineMissed: true });
      }
      const conversation = (current: any) => ({
        kind: current.kind,
        status: current.status,
        language: current.language,
        schedule: current.schedule,
        remindersSent: current.remindersSent,
        deadlineMissed: current.deadlineMissed,
        dispatchAttempts: current.dispatchAttempts,
        replies: current.replies,
        history: current.history,
      });
      expect(conversation(after[1])).toEqual(conversation(after[0]));
      // What reached each Permanent Mission: the communication and its two reminders, nothing else.
      const mails = (id: string) =>
        readdirSync(system().dispatchDir)
          .filter((name) => name.startsWith(id))
          .map((name) => name.replace(id, '<communication>'))
          .sort();
      expect(mails(pair.NIC.communicationId)).toEqual(mails(pair.BLR.communicationId));
      expect(mails(pair.BLR.communicationId)).toEqual([
        '<communication>-reminder-1.eml',
        '<communication>-reminder-2.eml',
        '<communication>.eml',
      ]);

      // Verification escalates both the same way: the next level of the ladder is due for each.
      const escalated = await Promise.all(
        STATES.map((state) =>
          eventually(async () => {
            const view = await protocol.read(pair[state].caseId);
            return view.body?.escalation ? view.body : undefined;
          }),
        ),
      );
      for (const view of escalated) {
        expect(view.escalation).toMatchObject({
          trigger: 'reply-deadline-missed',
          nextActionType: 'allegation-letter',
        });
      }
      const comparable = (view: any, state: State) =>
        withoutIdentifiers(
          {
            stage: view.stage,
            track: view.track,
            risk: view.risk,
            urgency: view.urgency,
            escalation: view.escalation,
            actions: view.actions,
            attentionDueAt: view.attentionDueAt,
            overdue: view.overdue,
            timers: view.timers
              .map((timer: { kind: string; dueAt: string; status: string }) =>
                [timer.dueAt, timer.kind, timer.status].join(' '),
              )
              .sort(),
          },
          [
            pair[state].caseId,
            pair[state].communicationId,
            ...view.actions.map((action: { id: string }) => action.id),
            ...view.approvals.map((approval: { id: string }) => approval.id),
            ...view.corroborations.map((corroboration: { id: string }) => corroboration.id),
            view.reference,
            state,
          ],
        );
      expect(comparable(escalated[1], 'NIC')).toEqual(comparable(escalated[0], 'BLR'));

      // The figures: one row per State, the same but for the State's code.
      const answer = await metrics(PERIOD);
      expect(answer.status).toBe(200);
      expect(answer.body.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
      expect(answer.body.policyVersionsInForce).toEqual([
        { version: 'state-communication/v1', effectiveFrom: '2026-01-01' },
      ]);
      expect(answer.body.states.map((row: { state: string }) => row.state)).toEqual(['BLR', 'NIC']);
      expect(withoutState(rowOf(answer.body, 'NIC')!)).toEqual(withoutState(rowOf(answer.body, 'BLR')!));
      expect(rowOf(answer.body, 'BLR')).toMatchObject({
        sent: 1,
        sentByKind: { 'note-verbale': 1, 'urgent-appeal': 0 },
        replies: 0,
        repliedTo: 0,
        replyRate: 0,
        medianDaysToFirstReply: null,
        p90DaysToFirstReply: null,
        remindersSent: 2,
        deadlinesMissed: 1,
        stopped: 0,
        failed: 0,
        policyVersions: ['state-communication/v1'],
      });
      expect(answer.body.overall).toMatchObject({
        sent: 2,
        remindersSent: 4,
        deadlinesMissed: 2,
        replyRate: 0,
      });
      // Outside the period, nothing is counted; a State asked for is listed even so.
      const before = await metrics('from=2026-01-01&to=2026-11-29&state=NIC');
      expect(before.body.states).toEqual([
        expect.objectContaining({ state: 'NIC', sent: 0, replyRate: null }),
      ]);
    });

    it('when a reply is recorded for one of them, then only that State’s figures change', async () => {
      const before = (await metrics(PERIOD)).body;
      const today = clock.now().toISOString().slice(0, 10);
      const replied = await call(
        baseUrl(),
        'POST',
        `/state-communication/communications/${pair.NIC.communicationId}/replies`,
        {
          ...(await liaison()),
          body: {
            type: 'information-on-measures-taken',
            receivedOn: today,
            language: 'es',
            assessment: 'partially-responsive',
          },
        },
      );
      expect(replied.status).toBe(201);

      const after = (await metrics(PERIOD)).body;
      const days = Math.round((Date.parse(today) - Date.parse(SENT_ON)) / DAY_MS);
      expect(rowOf(after, 'BLR')).toEqual(rowOf(before, 'BLR'));
      expect(rowOf(after, 'NIC')).toEqual({
        ...rowOf(before, 'NIC'),
        replies: 1,
        repliesByType: { ...(rowOf(before, 'NIC') as any).repliesByType, 'information-on-measures-taken': 1 },
        repliedTo: 1,
        replyRate: 1,
        medianDaysToFirstReply: days,
        p90DaysToFirstReply: days,
      });
      expect(after.overall).toMatchObject({ sent: 2, replies: 1, repliedTo: 1, replyRate: 0.5 });
    });

    it('when the figures are asked for as CSV, then the attachment has the fixed columns and the same figures as JSON', async () => {
      const json = (await metrics(PERIOD)).body;
      const csv = await metrics(`${PERIOD}&format=csv`, 'state-liaison');

      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toBe(
        'attachment; filename="communication-metrics-2026-11-01-2026-11-30.csv"',
      );
      const lines = (csv.body as string).trimEnd().split(/\r?\n/);
      expect(lines[0]!.split(',')).toEqual(CSV_COLUMNS);
      const cellsOf = (figures: any) => [
        figures.sent,
        ...COMMUNICATION_KINDS.map((kind) => figures.sentByKind[kind]),
        0,
        figures.replies,
        ...STATE_REPLY_TYPES.map((type) => figures.repliesByType[type]),
        0,
        figures.repliedTo,
        figures.notYetDue,
        figures.replyRate ?? '',
        figures.medianDaysToFirstReply ?? '',
        figures.p90DaysToFirstReply ?? '',
        figures.remindersSent,
        figures.deadlinesMissed,
        figures.stopped,
        figures.failed,
        figures.policyVersions.join(' '),
      ];
      expect(lines.slice(1).map((line) => line.split(','))).toEqual(
        [
          ...json.states.map((row: any) => [row.state, ...cellsOf(row)]),
          ['ALL', ...cellsOf(json.overall)],
        ].map((cells) => cells.map(String)),
      );
      expect(lines.map((line) => line.split(',')[0])).toEqual(['state', 'BLR', 'NIC', 'ALL']);
    });
  });

  it('given the furthest day a date can name, when the figures are asked for up to it, then they are answered', async () => {
    const answer = await call(
      baseUrl(),
      'GET',
      '/state-communication/metrics?from=2026-01-01&to=9999-12-31',
      await as('reporting-analyst', LEAD),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.period).toEqual({ from: '2026-01-01', to: '9999-12-31' });
  });

  it('given a communication stopped before it left, when the figures are asked for, then it counts as stopped on the day it stopped, and as nothing sent', async () => {
    const { caseId, communicationId } = await draftedEngagement('CHL');
    const approved = await call(
      baseUrl(),
      'POST',
      `/state-communication/communications/${communicationId}/approve`,
      { ...(await supervisor()), body: {} },
    );
    expect(approved.status).toBe(200);
    const withdrawn = await call(baseUrl(), 'POST', `/intake/allegations/${caseId}/consent/withdrawal`, {
      ...(await as('intake-officer', LEAD)),
      body: { withdrawnBy: 'victim', withdrawnOn: CONSENT_TO_RAISE.givenOn, form: 'written' },
    });
    expect(withdrawn.status).toBe(201);
    await eventually(async () => (await communication(communicationId)).status === 'stopped');
    const today = clock.now().toISOString().slice(0, 10);

    const answer = await metrics(`from=${today}&to=${today}&state=CHL`);

    expect(answer.status).toBe(200);
    expect(answer.body.states).toEqual([
      expect.objectContaining({ state: 'CHL', sent: 0, stopped: 1, failed: 0, replyRate: null }),
    ]);
    expect(answer.body.overall).toMatchObject({ sent: 0, stopped: 1 });
    const dayBefore = new Date(Date.parse(today) - DAY_MS).toISOString().slice(0, 10);
    const earlier = await metrics(`from=${SENT_ON}&to=${dayBefore}&state=CHL`);
    expect(earlier.body.states).toEqual([expect.objectContaining({ state: 'CHL', stopped: 0 })]);
  });

  it('given bad query fields, when the figures are asked for, then a 400 names every offending field', async () => {
    const fieldsOf = async (query: string) => {
      const answer = await metrics(query);
      expect(answer.status).toBe(400);
      return (answer.body.issues as { field: string }[]).map((issue) => issue.field).sort();
    };
    expect(await fieldsOf('from=2026-12-01&to=2026-11-01')).toEqual(['from', 'to']);
    expect(await fieldsOf('state=XXX')).toEqual(['state']);
    expect(await fieldsOf('colour=red')).toEqual(['colour']);
    expect(await fieldsOf('state=blr&format=xlsx&to=2026-13-01')).toEqual(['format', 'state', 'to']);
    expect(await fieldsOf('state=blr&from=2026-12-01&to=2026-11-01')).toEqual(['from', 'state', 'to']);
  });

  it('given a role without statistics:read, when it asks for the figures, then 403; the roles granted it are answered', async () => {
    expect((await metrics(PERIOD, 'intake-officer')).status).toBe(403);
    expect((await call(baseUrl(), 'GET', `/state-communication/metrics?${PERIOD}`)).status).toBe(401);
    for (const role of ['state-liaison', 'supervisor', 'reporting-analyst'] as const)
      expect((await metrics(PERIOD, role)).status).toBe(200);
  });
});
