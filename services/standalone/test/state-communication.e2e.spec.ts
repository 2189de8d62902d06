import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '@reprisals/kernel';
import { CommunicationTimers } from '@reprisals/state-communication';
import { eventually } from '@reprisals/testing';
import { as, call, useStandaloneSystem } from './system.fixture';
import { CONSENT_TO_RAISE, LEAD, protocolClient } from './verification-protocol.fixture';

const LIAISON = 'state-liaison-1';

describe('communications with States, through the API', () => {
  const clock = new ManualClock('2026-11-30T09:00:00.000Z');
  const system = useStandaloneSystem('state_communication', { clock });
  const baseUrl = () => system().running.baseUrl;
  const protocol = protocolClient(baseUrl, () => system().database.url);
  const liaison = () => as('state-liaison', LEAD, LIAISON);
  const supervisor = () => as('supervisor', LEAD, 'supervisor-9');

  /** A case with private engagement decided in verification, and the draft state-communication made of it. */
  async function draftedEngagement(): Promise<{ caseId: string; communication: any }> {
    const caseId = await protocol.verifiedCase({ consent: true });
    await protocol.decide(caseId, { actionType: 'private-engagement' });
    const communication = await eventually(async () => {
      const answer = await call(
        baseUrl(),
        'GET',
        `/state-communication/communications?caseId=${caseId}`,
        await liaison(),
      );
      return answer.body?.communications?.[0];
    });
    return { caseId, communication };
  }

  const communication = async (id: string) =>
    (await call(baseUrl(), 'GET', `/state-communication/communications/${id}`, await liaison())).body;
  const approveAndSend = async (id: string) => {
    expect(
      (
        await call(baseUrl(), 'POST', `/state-communication/communications/${id}/approve`, {
          ...(await supervisor()),
          body: {},
        })
      ).status,
    ).toBe(200);
    const dispatched = await call(baseUrl(), 'POST', `/state-communication/communications/${id}/dispatch`, {
      ...(await liaison()),
      body: {},
    });
    expect(dispatched.status).toBe(202);
    return eventually(async () => {
      const current = await communication(id);
      return current.status === 'sent' ? current : undefined;
    });
  };
  const mailsFor = (id: string) =>
    readdirSync(system().dispatchDir)
      .filter((name) => name.startsWith(id))
      .sort();
  const timers = () => system().running.app.get(CommunicationTimers, { strict: false }).scheduler;

  it('given a decided State-facing action, when drafted, approved and sent, then it leaves once with its schedule, reminders follow and stop at the reply', async () => {
    const { caseId, communication: draft } = await draftedEngagement();
    expect(draft).toMatchObject({
      kind: 'note-verbale',
      status: 'draft',
      language: 'en',
      draftedBy: { kind: 'system', service: 'state-communication' },
    });
    expect(draft.subject).toBe(`Note verbale concerning case ${draft.reference}`);
    expect(draft.body).toContain('Permanent Mission of Belarus');
    expect(draft.body).toContain('travel ban, on or from 2026-04-28');
    expect(draft.body).not.toContain('Victim One');

    const sent = await approveAndSend(draft.id);
    expect(sent.schedule).toMatchObject({
      replyDueOn: '2027-01-29',
      policyVersion: 'state-communication/v1',
      reminders: [
        { number: 1, when: 'before', dueAt: '2027-01-15T00:00:00.000Z' },
        { number: 2, when: 'after', dueAt: '2027-02-05T00:00:00.000Z' },
      ],
    });
    expect(mailsFor(draft.id)).toEqual([`${draft.id}.eml`]);
    const mail = readFileSync(join(system().dispatchDir, `${draft.id}.eml`), 'utf8');
    expect(mail).toContain('To: permanent-mission.blr@example.org');
    expect(mail).toContain(`Subject: Note verbale concerning case ${draft.reference}`);
    // Sending again is refused: a communication is never sent twice.
    const again = await call(baseUrl(), 'POST', `/state-communication/communications/${draft.id}/dispatch`, {
      ...(await liaison()),
      body: {},
    });
    expect(again.status).toBe(409);

    clock.set('2027-01-15T00:00:00.000Z');
    await eventually(async () => (await communication(draft.id)).remindersSent.length === 1);
    expect(mailsFor(draft.id)).toEqual([`${draft.id}-reminder-1.eml`, `${draft.id}.eml`]);

    const replied = await call(baseUrl(), 'POST', `/state-communication/communications/${draft.id}/replies`, {
      ...(await liaison()),
      body: {
        type: 'information-on-measures-taken',
        receivedOn: '2027-01-15',
        language: 'fr',
        assessment: 'partially-responsive',
      },
    });
    expect(replied.status).toBe(201);
    expect(replied.body).toMatchObject({
      status: 'replied',
      replies: [{ type: 'information-on-measures-taken' }],
    });

    clock.set('2027-03-01T00:00:00.000Z');
    await timers().fireDue();
    const after = await communication(draft.id);
    expect(after.remindersSent).toEqual([1]);
    expect(after.deadlineMissed).toBe(false);
    expect(mailsFor(draft.id)).toHaveLength(2);
    // Verification learned of the reply: no escalation for this action.
    const view = await protocol.read(caseId);
    expect(view.body.escalation).toBeNull();
    expect(view.body.actions[0].stateReply).toMatchObject({ type: 'information-on-measures-taken' });
    // The case's timeline tells the conversation too, with the rules' versions.
    const timeline = await eventually(async () => {
      const answer = await call(
        baseUrl(),
        'GET',
        `/reporting/cases/${caseId}/timeline`,
        await as('reporting-analyst', LEAD),
      );
      const entries = (answer.body?.entries ?? []) as { type: string; policyVersion: string | null }[];
      return entries.some((entry) => entry.type === 'ReplyReceived') ? entries : undefined;
    });
    expect(
      timeline
        .filter((entry) => entry.type.startsWith('Communication') || entry.type.startsWith('Re'))
        .map((entry) => entry.type),
    ).toEqual(
      expect.arrayContaining([
        'CommunicationDrafted',
        'CommunicationApproved',
        'CommunicationSent',
        'ReminderSent',
        'ReplyReceived',
      ]),
    );
    expect(timeline.find((entry) => entry.type === 'CommunicationSent')?.policyVersion).toBe(
      'state-communication/v1',
    );
  });

  it('given a State that stays silent, when the deadline and its grace pass, then DeadlineMissed makes the next ladder level due in verification', async () => {
    const { caseId, communication: draft } = await draftedEngagement();
    const sent = await approveAndSend(draft.id);
    clock.set(sent.schedule.deadlineMissedAt);
    await eventually(async () => (await communication(draft.id)).deadlineMissed === true);
    const escalated = await eventually(async () => {
      const view = await protocol.read(caseId);
      return view.body.escalation ? view.body.escalation : undefined;
    });
    expect(escalated).toMatchObject({
      trigger: 'reply-deadline-missed',
      nextActionType: 'allegation-letter',
    });
    expect((await communication(draft.id)).remindersSent).toEqual([1, 2]);
  });

  it('given an approved communication, when consent is withdrawn before it leaves, then it is stopped and says why', async () => {
    const { caseId, communication: draft } = await draftedEngagement();
    await call(baseUrl(), 'POST', `/state-communication/communications/${draft.id}/approve`, {
      ...(await supervisor()),
      body: {},
    });
    const withdrawn = await call(baseUrl(), 'POST', `/intake/allegations/${caseId}/consent/withdrawal`, {
      ...(await as('intake-officer', LEAD)),
      body: { withdrawnBy: 'victim', withdrawnOn: CONSENT_TO_RAISE.givenOn, form: 'written' },
    });
    expect(withdrawn.status).toBe(201);
    const stopped = await eventually(async () => {
      const current = await communication(draft.id);
      return current.status === 'stopped' ? current : undefined;
    });
    expect(stopped.stoppedBecause).toBe('no-consent');
    const refused = await call(
      baseUrl(),
      'POST',
      `/state-communication/communications/${draft.id}/dispatch`,
      { ...(await liaison()), body: {} },
    );
    expect(refused.status).toBe(409);
    expect(mailsFor(draft.id)).toEqual([]);
  });

  it('given bad input, when a liaison drafts or records a reply, then a clear 4xx names what is wrong and nothing is written', async () => {
    const { communication: draft } = await draftedEngagement();
    const unknownKind = await call(baseUrl(), 'POST', '/state-communication/communications', {
      ...(await liaison()),
      body: { caseId: draft.caseId, kind: 'postcard', language: 'de', colour: 'red' },
    });
    expect(unknownKind.status).toBe(400);
    expect((unknownKind.body.issues as { field: string }[]).map((issue) => issue.field).sort()).toEqual([
      'colour',
      'kind',
      'language',
    ]);
    const unknownCommunication = await call(
      baseUrl(),
      'POST',
      '/state-communication/communications/00000000-0000-4000-8000-000000000000/replies',
      {
        ...(await liaison()),
        body: { type: 'acknowledgement', receivedOn: '2026-12-01', language: 'en', assessment: 'responsive' },
      },
    );
    expect(unknownCommunication.status).toBe(404);
    const sent = await approveAndSend(draft.id);
    const early = await call(baseUrl(), 'POST', `/state-communication/communications/${draft.id}/replies`, {
      ...(await liaison()),
      body: { type: 'acknowledgement', receivedOn: '2020-01-01', language: 'en', assessment: 'responsive' },
    });
    expect(early.status).toBe(422);
    expect(early.body.message).toMatch(/^receivedOn: /);
    expect((await communication(draft.id)).replies).toEqual([]);
    expect(sent.status).toBe('sent');
  });
});
