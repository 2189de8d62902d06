import { ManualClock } from '@reprisals/kernel';
import { eventually } from '@reprisals/testing';
import { as, call, queryRows, useStandaloneSystem } from './system.fixture';
import {
  CONSENT_TO_RAISE,
  LEAD,
  OFFICER,
  SUPERVISOR,
  pendingApprovalOf,
  protocolClient,
  screenedAt,
} from './verification-protocol.fixture';
import { describeProtocolAcrossServices } from './verification-protocol.contract';

const DAY = 86_400_000;

describe('the graduated response protocol, through the API', () => {
  const clock = new ManualClock('2026-11-30T09:00:00.000Z');
  const system = useStandaloneSystem('verification_protocol', { clock });
  const baseUrl = () => system().running.baseUrl;
  const protocol = protocolClient(baseUrl, () => system().database.url);

  describeProtocolAcrossServices('standalone, in-process', () => ({
    urlOf: baseUrl,
    databaseUrl: system().database.url,
    deliveryTimeoutMs: 10_000,
  }));

  const verifiedCase = (options: { consent: boolean; risk?: string }) => protocol.verifiedCase(options);

  it('given an allegation, when an officer and a supervisor take it through every stage, then a State-facing response is decided under v1 and every decision says so', async () => {
    const caseId = await protocol.recordCase({ consent: true });
    const opened = await protocol.read(caseId);
    expect(opened.body).toMatchObject({ stage: 'registered', protocolVersion: 'response-protocol/v1' });

    const assessed = await protocol.walk(caseId, ...screenedAt('high'), {
      action: 'record-corroboration',
      kind: 'document',
      reliability: 'reliable',
      credibility: 'confirmed',
    });
    expect(assessed).toMatchObject({ stage: 'verification', risk: 'high', track: 'standard' });

    const proposed = await protocol.walk(caseId, {
      action: 'conclude-verification',
      outcome: 'verified',
      concludedOn: '2026-11-30',
      corroborationIds: [assessed.corroborations[0].id],
    });
    const conclusionApproval = pendingApprovalOf(proposed);
    // Four eyes: the proposer, even holding the supervisor role, cannot approve their own proposal.
    const ownApproval = await protocol.approve(conclusionApproval, OFFICER);
    expect(ownApproval.status).toBe(409);
    expect(ownApproval.body).toMatchObject({
      gate: 'four-eyes',
      satisfiedBy: expect.stringContaining('another supervisor'),
    });
    const concluded = await protocol.approve(conclusionApproval);
    expect(concluded.body).toMatchObject({
      stage: 'response-decision',
      conclusion: { outcome: 'verified', lateForCycle: null },
    });

    const engagement = await protocol.walk(caseId, {
      action: 'propose-action',
      actionType: 'private-engagement',
      priority: 'high',
      naming: 'named',
    });
    expect(engagement.actions[0]).toMatchObject({
      type: 'private-engagement',
      status: 'proposed',
      reach: 'state',
    });
    const decided = await protocol.approve(pendingApprovalOf(engagement));
    expect(decided.status).toBe(200);
    expect(decided.body.stage).toBe('follow-up');
    expect(decided.body.actions[0]).toMatchObject({
      status: 'decided',
      nextReviewOn: '2026-12-30',
      replyDueAt: '2026-12-30T09:00:00.000Z',
    });
    expect(decided.body.timers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'review-due', status: 'scheduled' }),
        expect.objectContaining({
          kind: 'escalation-due',
          status: 'scheduled',
          dueAt: '2026-12-30T09:00:00.000Z',
        }),
      ]),
    );

    const { body } = await protocol.decisions(caseId);
    expect(body.decisions.map((d: { step: string; toStage: string }) => `${d.step}→${d.toStage}`)).toEqual([
      'begin-screening→screening',
      'screen→risk-assessment',
      'assess-risk→verification',
      'record-corroboration→verification',
      'conclude-verification→verification',
      'approve→response-decision',
      'propose-action→response-decision',
      'approve→follow-up',
    ]);
    expect(new Set(body.decisions.map((d: { policyVersion: string }) => d.policyVersion))).toEqual(
      new Set(['response-protocol/v1']),
    );
    expect(body.decisions.at(-1).actor).toEqual({ kind: 'user', role: 'supervisor', entity: LEAD });

    // The timeline in reporting shows the steps with the version that allowed them.
    const timeline = await eventually(async () => {
      const answer = await call(
        baseUrl(),
        'GET',
        `/reporting/cases/${caseId}/timeline`,
        await as('supervisor', LEAD),
      );
      const entries = answer.body?.entries as
        { type?: string; eventType?: string; policyVersion?: string }[] | undefined;
      return entries?.some((entry) => (entry.eventType ?? entry.type) === 'ResponseActionDecided')
        ? entries
        : undefined;
    });
    const decidedEntry = timeline.find(
      (entry) => (entry.eventType ?? entry.type) === 'ResponseActionDecided',
    );
    expect(decidedEntry?.policyVersion).toBe('response-protocol/v1');
  });

  it('given a decided State-facing action, when the State stays silent past the reply deadline, then the next level of the ladder becomes due by itself', async () => {
    const caseId = await verifiedCase({ consent: true });
    await protocol.decide(caseId, { actionType: 'private-engagement' });
    const before = await call(
      baseUrl(),
      'GET',
      '/verification/cases?overdue=true',
      await as('verification-officer', LEAD),
    );
    expect(before.body.cases.map((c: { caseId: string }) => c.caseId)).not.toContain(caseId);

    clock.advance(31 * DAY);
    const escalated = await eventually(async () => {
      const view = await protocol.read(caseId);
      return view.body.escalation ? view.body : undefined;
    });
    expect(escalated.escalation).toMatchObject({
      trigger: 'no-substantive-reply-by-deadline',
      fromLevel: 2,
      nextActionType: 'allegation-letter',
      policyVersion: 'response-protocol/v1',
    });
    expect(escalated.overdue).toBe(true);
    const overdue = await call(
      baseUrl(),
      'GET',
      '/verification/cases?overdue=true',
      await as('verification-officer', LEAD),
    );
    expect(overdue.body.cases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);

    // The next level, decided, answers the escalation.
    const letter = await protocol.walk(caseId, {
      action: 'propose-action',
      actionType: 'allegation-letter',
      priority: 'urgent',
    });
    const answered = await protocol.approve(pendingApprovalOf(letter));
    expect(answered.body.escalation).toBeNull();
  });

  it('given identical facts against two States, when both walk the same steps, then their schedules, escalations and ladders are identical', async () => {
    const walkAgainst = async (state: string) => {
      const caseId = await protocol.verifiedCase({ consent: true, risk: 'medium', state });
      await protocol.decide(caseId, { actionType: 'private-engagement' });
      return caseId;
    };
    const schedule = async (caseId: string) => {
      const { body } = await protocol.read(caseId);
      return {
        stage: body.stage,
        actions: body.actions.map((a: Record<string, unknown>) => [
          a.type,
          a.ladderLevel,
          a.nextReviewOn,
          a.replyDueAt,
        ]),
        timers: body.timers.map((t: Record<string, unknown>) => [t.kind, t.dueAt, t.status]).sort(),
        escalation: body.escalation && [
          body.escalation.trigger,
          body.escalation.nextActionType,
          body.escalation.dueSince,
        ],
      };
    };
    const belarus = await walkAgainst('BLR');
    const nicaragua = await walkAgainst('NIC');
    expect(await schedule(belarus)).toEqual(await schedule(nicaragua));

    clock.advance(46 * DAY);
    await eventually(
      async () =>
        (await protocol.read(belarus)).body.escalation && (await protocol.read(nicaragua)).body.escalation,
    );
    const [first, second] = [await schedule(belarus), await schedule(nicaragua)];
    expect(first).toEqual(second);
    expect(first.escalation).toEqual([
      'no-substantive-reply-by-deadline',
      'allegation-letter',
      expect.any(String),
    ]);
  });

  it('given no consent to raise the case, when a State-facing action is proposed, then the consent gate refuses it, says what would satisfy it, audits the refusal and changes nothing', async () => {
    const caseId = await verifiedCase({ consent: false });
    const decisionsBefore = (await protocol.decisions(caseId)).body.decisions.length;
    const refused = await protocol.step(caseId, {
      action: 'propose-action',
      actionType: 'urgent-appeal',
      priority: 'urgent',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      gate: 'consent',
      satisfiedBy: expect.stringContaining('consent:override'),
    });
    expect((await protocol.read(caseId)).body.actions).toEqual([]);
    expect((await protocol.decisions(caseId)).body.decisions).toHaveLength(decisionsBefore);
    const denied = await queryRows<{ reason: string }>(
      system().database.url,
      `SELECT reason FROM verification.audit_record WHERE case_id = $1 AND outcome = 'denied'`,
      [caseId],
    );
    expect(denied.map((row) => row.reason)).toContain('gate-consent');

    // With a written request, a supervisor holding consent:override goes past it, with a reason of their own.
    const asked = await protocol.walk(caseId, {
      action: 'propose-action',
      actionType: 'urgent-appeal',
      priority: 'urgent',
      consentOverride: { reason: 'Held incommunicado; the family asked us to act.' },
    });
    const overridden = await protocol.approve(pendingApprovalOf(asked), SUPERVISOR, {
      consentOverride: { reason: 'Raising it is the only protection left.' },
    });
    expect(overridden.status).toBe(200);
    expect(overridden.body.actions[0]).toMatchObject({
      status: 'decided',
      consentOverride: { by: { sub: SUPERVISOR } },
    });

    // The written reasons are free text: they go with the case's personal data.
    const erased = await call(baseUrl(), 'DELETE', `/intake/allegations/${caseId}/personal-data`, {
      ...(await as('supervisor', LEAD)),
      body: { reason: 'request-of-the-person', note: 'Asked in writing to erase every record of them.' },
    });
    expect(erased.status).toBe(200);
    const forgotten = await eventually(async () => {
      const rows = await queryRows<{ state: string }>(
        system().database.url,
        'SELECT protocol_state::text AS state FROM verification.verification_case WHERE case_id = $1',
        [caseId],
      );
      return rows[0] && !rows[0].state.includes('incommunicado') ? rows[0].state : undefined;
    });
    expect(forgotten).not.toContain('only protection left');
    expect((await protocol.read(caseId)).body.actions[0]).toMatchObject({
      status: 'decided',
      type: 'urgent-appeal',
    });
  });

  it('given a protection risk flag, when a State-facing action is proposed, then the protection gate refuses it with no override', async () => {
    const caseId = await verifiedCase({ consent: true });
    const flagged = await call(baseUrl(), 'POST', `/intake/allegations/${caseId}/protection-risk`, {
      ...(await as('intake-officer', LEAD)),
      body: {
        level: 'severe',
        reason: 'person-in-detention',
        note: 'Detained again after the first letter.',
      },
    });
    expect(flagged.status).toBe(201);
    await eventually(async () => {
      const rows = await queryRows<{ withheld: boolean }>(
        system().database.url,
        'SELECT withheld FROM verification.case_protection WHERE case_id = $1',
        [caseId],
      );
      return rows[0]?.withheld === true;
    });
    const refused = await protocol.step(caseId, {
      action: 'propose-action',
      actionType: 'public-statement',
      priority: 'high',
      consentOverride: { reason: 'The situation calls for a public statement.' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      gate: 'protection',
      satisfiedBy: expect.stringContaining('lifts the protection risk flag'),
    });
    // Internal steps still go on.
    const monitoring = await protocol.walk(caseId, {
      action: 'propose-action',
      actionType: 'monitoring',
      priority: 'high',
    });
    expect(monitoring.actions[0]).toMatchObject({ type: 'monitoring', status: 'decided' });
  });

  it('given a proposal waiting for approval, when the victim withdraws consent, then the proposal is cancelled by itself', async () => {
    const caseId = await verifiedCase({ consent: true });
    const proposed = await protocol.walk(caseId, {
      action: 'propose-action',
      actionType: 'private-engagement',
      priority: 'high',
    });
    const withdrawn = await call(baseUrl(), 'POST', `/intake/allegations/${caseId}/consent/withdrawal`, {
      ...(await as('intake-officer', LEAD)),
      body: { withdrawnBy: 'victim', withdrawnOn: CONSENT_TO_RAISE.givenOn, form: 'oral' },
    });
    expect(withdrawn.status).toBe(201);
    const cancelled = await eventually(async () => {
      const view = await protocol.read(caseId);
      return view.body.actions[0].status === 'cancelled' ? view.body : undefined;
    });
    expect(cancelled.actions[0].cancelledBecause).toBe('consent-withdrawn');
    expect(
      cancelled.approvals.find((a: { id: string }) => a.id === pendingApprovalOf(proposed))?.status,
    ).toBe('cancelled');
  });

  it('given a critical, imminent risk, when assessed, then the case takes the urgent track and a missing urgent appeal falls due within hours', async () => {
    const caseId = await protocol.recordCase({ consent: true });
    const urgent = await protocol.walk(caseId, ...screenedAt('critical', 'imminent'));
    expect(urgent).toMatchObject({ track: 'urgent', stage: 'verification' });
    const referral = await protocol.walk(caseId, {
      action: 'propose-action',
      actionType: 'protection-referral',
      priority: 'urgent',
    });
    expect(referral.actions[0]).toMatchObject({ type: 'protection-referral', status: 'decided' });
    clock.advance(25 * 3_600_000);
    const due = await eventually(async () => {
      const view = await protocol.read(caseId);
      return view.body.escalation ? view.body : undefined;
    });
    expect(due.escalation).toMatchObject({
      trigger: 'urgent-response-overdue',
      nextActionType: 'urgent-appeal',
    });
    expect(due.stage).toBe('verification');
  });

  it('given a bad step, when posted, then a 400 names every offending field and nothing is written', async () => {
    const caseId = await protocol.recordCase();
    const bad = await protocol.step(caseId, {
      action: 'screen',
      inScope: true,
      referral: 'none',
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    expect((bad.body.issues as { field: string }[]).map((issue) => issue.field).sort()).toEqual([
      'colour',
      'cooperationCategory',
      'perpetratorType',
      'referral',
    ]);
    const unknown = await protocol.step(caseId, { action: 'fast-track' });
    expect(unknown.status).toBe(400);
    expect((await protocol.decisions(caseId)).body.decisions).toEqual([]);
  });

  it('publishes the rules: every version, the one in force, and each in full, to anyone', async () => {
    const list = await call(baseUrl(), 'GET', '/verification/policies');
    expect(list.status).toBe(200);
    expect(list.body.policies).toEqual([
      expect.objectContaining({ version: 'response-protocol/v1', inForce: true }),
    ]);
    const v1 = await call(baseUrl(), 'GET', '/verification/policies/v1');
    expect(v1.body.steps['propose-action'].gates.map((gate: { gate: string }) => gate.gate)).toEqual([
      'protection',
      'consent',
      'four-eyes',
    ]);
    expect((await call(baseUrl(), 'GET', '/verification/policies/v9')).status).toBe(404);
  });
});
