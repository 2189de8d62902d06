import { ProtocolRefused } from './protocol-refused';
import { takeStep } from './take-step';
import {
  approve,
  contextFor,
  eventTypes,
  FULL_CONSENT,
  NO_CONSENT,
  officer,
  registeredCase,
  secondSupervisor,
  supervisor,
  TO_VERIFICATION,
  walk,
  type World,
} from './protocol-engine.test-support';
import { ResponseProtocolPolicy } from '../protocol-policy/response-protocol-policy';
import {
  ERASED_REASON,
  escalate,
  reactToConsent,
  reactToErasure,
  reactToStateReply,
  reactToTimer,
} from './protocol-reactions';
import { v1 } from './protocol-engine.test-support';

const world = (overrides: Partial<World> = {}): World => ({
  now: new Date('2026-05-05T10:00:00Z'),
  consent: FULL_CONSENT,
  withheld: false,
  ...overrides,
});

const pendingApproval = (current: { approvals: { id: string; status: string }[] }) =>
  current.approvals.find((approval) => approval.status === 'pending')!.id;

function refusal(run: () => unknown): ProtocolRefused {
  try {
    run();
  } catch (error) {
    if (error instanceof ProtocolRefused) return error;
    throw error;
  }
  throw new Error('the step was not refused');
}

/** A case verified (by officer and supervisor) and waiting for its response decision. */
function verifiedCase(at = world()) {
  const inVerification = walk(registeredCase(), at, ...TO_VERIFICATION).case;
  const corroborationId = inVerification.corroborations[0]!.id;
  const proposed = walk(inVerification, at, {
    action: 'conclude-verification',
    outcome: 'verified',
    concludedOn: '2026-05-05',
    corroborationIds: [corroborationId],
  });
  return approve(proposed.case, pendingApproval(proposed.case), at).case;
}

describe('the response protocol engine', () => {
  it('given a registered case, when it is screened in scope and assessed, then it reaches verification and every decision names v1', () => {
    const steps = TO_VERIFICATION.slice(0, 3);
    let current = registeredCase();
    const decisions = [];
    for (const step of steps) {
      const outcome = takeStep(current, step, contextFor(officer, world()));
      decisions.push(outcome.decision);
      current = outcome.case;
    }
    expect(current).toMatchObject({
      stage: 'verification',
      risk: 'high',
      urgency: 'urgent',
      track: 'standard',
    });
    expect(decisions.map((d) => [d?.step, d?.fromStage, d?.toStage, d?.policyVersion])).toEqual([
      ['begin-screening', 'registered', 'screening', 'response-protocol/v1'],
      ['screen', 'screening', 'risk-assessment', 'response-protocol/v1'],
      ['assess-risk', 'risk-assessment', 'verification', 'response-protocol/v1'],
    ]);
  });

  it('given a screening, when the case is out of scope, then it closes with the reason and the referral and every timer is cancelled', () => {
    const outcome = walk(
      registeredCase(),
      world(),
      { action: 'begin-screening' },
      {
        action: 'screen',
        inScope: false,
        outOfScopeReason: 'no-cooperation-nexus',
        referral: 'special-procedures',
      },
    );
    expect(outcome.case.stage).toBe('closed');
    expect(outcome.case.closure).toEqual({ reason: 'out-of-scope', referral: 'special-procedures' });
    expect(eventTypes(outcome)).toEqual(['CaseScreened', 'CaseClosed']);
    expect(outcome.timers).toEqual([{ change: 'cancel' }]);
  });

  it('given a registered case, when an officer tries to conclude verification, then the stage gate refuses and nothing is returned', () => {
    const refused = refusal(() =>
      walk(registeredCase(), world(), {
        action: 'conclude-verification',
        outcome: 'unverified',
        concludedOn: '2026-05-05',
        corroborationIds: [],
      }),
    );
    expect(refused).toMatchObject({ gate: 'stage', status: 409 });
    expect(refused.satisfiedBy).toContain('verification');
  });

  it('given a case in verification, when a conclusion is proposed, then it waits for a second person and the proposer cannot approve it', () => {
    const inVerification = walk(registeredCase(), world(), ...TO_VERIFICATION).case;
    const proposed = walk(inVerification, world(), {
      action: 'conclude-verification',
      outcome: 'verified',
      concludedOn: '2026-05-05',
      corroborationIds: [inVerification.corroborations[0]!.id],
    });
    expect(proposed.case.stage).toBe('verification');
    expect(eventTypes(proposed)).toEqual(['ApprovalRequested']);
    const approvalId = pendingApproval(proposed.case);
    expect(proposed.timers).toEqual([
      {
        change: 'schedule',
        kind: 'approval-overdue',
        subject: approvalId,
        dueAt: new Date('2026-05-06T10:00:00Z'),
      },
    ]);
    const selfApproval = refusal(() =>
      approve(proposed.case, approvalId, world(), { ...supervisor, sub: officer.sub }),
    );
    expect(selfApproval.gate).toBe('four-eyes');
    const byOfficer = refusal(() => approve(proposed.case, approvalId, world(), officer));
    expect(byOfficer).toMatchObject({ gate: 'performer', status: 403 });

    const approved = approve(proposed.case, approvalId, world());
    expect(approved.case.stage).toBe('response-decision');
    expect(approved.case.conclusion).toMatchObject({ outcome: 'verified', lateForCycle: null });
    expect(eventTypes(approved)).toEqual(['VerificationConcluded']);
  });

  it('given a conclusion that rests on nothing, when verified is proposed, then it is refused naming the field', () => {
    const inVerification = walk(registeredCase(), world(), ...TO_VERIFICATION).case;
    const refused = refusal(() =>
      walk(inVerification, world(), {
        action: 'conclude-verification',
        outcome: 'verified',
        concludedOn: '2026-05-05',
        corroborationIds: [],
      }),
    );
    expect(refused).toMatchObject({ gate: 'input', status: 422 });
    expect(refused.message).toContain('corroborationIds');
  });

  it('given a case opened in the 2025-2026 cycle, when verification is approved after its cut-off, then it is late verification for that cycle', () => {
    const opened = registeredCase('BLR', new Date('2026-03-10T09:00:00Z'));
    const early = world({ now: new Date('2026-03-11T09:00:00Z') });
    const inVerification = walk(opened, early, ...TO_VERIFICATION).case;
    const proposed = walk(inVerification, early, {
      action: 'conclude-verification',
      outcome: 'credible-not-verified',
      concludedOn: '2026-03-11',
      corroborationIds: [inVerification.corroborations[0]!.id],
    });
    const late = approve(
      proposed.case,
      pendingApproval(proposed.case),
      world({ now: new Date('2026-05-02T09:00:00Z') }),
    );
    expect(late.case.conclusion?.lateForCycle).toBe('2025-2026');
  });

  it('given a verified case without consent to raise it with the State, when private engagement is proposed, then the consent gate refuses and says what would satisfy it', () => {
    const refused = refusal(() =>
      walk(verifiedCase(), world({ consent: NO_CONSENT }), {
        action: 'propose-action',
        actionType: 'private-engagement',
        priority: 'high',
      }),
    );
    expect(refused).toMatchObject({ gate: 'consent', status: 409 });
    expect(refused.satisfiedBy).toContain('consent:override');
  });

  it('given a protection risk flag, when a State-facing action is proposed even with an override asked, then the protection gate refuses', () => {
    const refused = refusal(() =>
      walk(verifiedCase(), world({ withheld: true }), {
        action: 'propose-action',
        actionType: 'allegation-letter',
        priority: 'high',
        consentOverride: { reason: 'The person cannot be reached in detention.' },
      }),
    );
    expect(refused.gate).toBe('protection');
  });

  it('given an internal action, when monitoring is proposed, then it is decided at once with its review date', () => {
    const outcome = walk(verifiedCase(), world({ consent: NO_CONSENT, withheld: true }), {
      action: 'propose-action',
      actionType: 'monitoring',
      priority: 'routine',
    });
    expect(eventTypes(outcome)).toEqual(['ResponseActionProposed', 'ResponseActionDecided']);
    expect(outcome.case.stage).toBe('follow-up');
    const action = outcome.case.actions[0]!;
    expect(action).toMatchObject({ status: 'decided', nextReviewOn: '2026-06-04', replyDueAt: null });
    expect(outcome.timers).toEqual([
      { change: 'schedule', kind: 'review-due', subject: action.id, dueAt: new Date('2026-06-04T10:00:00Z') },
    ]);
  });

  it('given private engagement approved by a second person, when the State stays silent past the reply deadline, then the next level of the ladder is due', () => {
    const proposed = walk(verifiedCase(), world(), {
      action: 'propose-action',
      actionType: 'private-engagement',
      priority: 'high',
    });
    const approved = approve(proposed.case, pendingApproval(proposed.case), world(), secondSupervisor);
    expect(eventTypes(approved)).toEqual(['ResponseActionApproved', 'ResponseActionDecided']);
    const action = approved.case.actions[0]!;
    expect(approved.timers).toContainEqual({
      change: 'schedule',
      kind: 'escalation-due',
      subject: action.id,
      dueAt: new Date('2026-06-04T10:00:00Z'),
    });
    const silence = reactToTimer(approved.case, 'escalation-due', action.id, {
      policy: v1,
      now: new Date('2026-06-04T10:00:00Z'),
    });
    expect(eventTypes(silence)).toEqual(['EscalationDue']);
    expect(silence.case.escalation).toMatchObject({
      trigger: 'no-substantive-reply-by-deadline',
      fromLevel: 2,
      nextActionType: 'allegation-letter',
    });
  });

  it('given a substantive State reply, when it arrives, then the escalation timer is cancelled and the reply shows on the action', () => {
    const proposed = walk(verifiedCase(), world(), {
      action: 'propose-action',
      actionType: 'private-engagement',
      priority: 'high',
    });
    const approved = approve(proposed.case, pendingApproval(proposed.case), world());
    const action = approved.case.actions[0]!;
    const replied = reactToStateReply(approved.case, {
      responseActionId: action.id,
      replyType: 'information-on-measures-taken',
      receivedOn: '2026-05-20',
    });
    expect(replied.timers).toEqual([{ change: 'cancel', kind: 'escalation-due', subject: action.id }]);
    expect(replied.case.actions[0]).toMatchObject({
      replyDueAt: null,
      stateReply: { type: 'information-on-measures-taken' },
    });
    const acknowledged = reactToStateReply(approved.case, {
      replyType: 'acknowledgement',
      receivedOn: '2026-05-20',
    });
    expect(acknowledged.timers).toEqual([]);
    expect(acknowledged.case.actions[0]!.replyDueAt).not.toBeNull();
  });

  it('given no consent and an officer asking to go past it, when a supervisor approves with a written reason, then the action is decided as overridden', () => {
    const noConsent = world({ consent: NO_CONSENT });
    const proposed = walk(verifiedCase(), noConsent, {
      action: 'propose-action',
      actionType: 'private-engagement',
      priority: 'urgent',
      consentOverride: { reason: 'The family asked us to act; the person is held incommunicado.' },
    });
    const approvalId = pendingApproval(proposed.case);
    const withoutReason = refusal(() => approve(proposed.case, approvalId, noConsent));
    expect(withoutReason.gate).toBe('consent');
    const approved = approve(proposed.case, approvalId, noConsent, supervisor, {
      decision: 'approve',
      consentOverride: { reason: 'Incommunicado detention: raising it is the only protection.' },
    });
    expect(approved.case.actions[0]!.consentOverride).toMatchObject({ by: { sub: 'supervisor-1' } });
    expect(approved.decision?.outcome).toBe('private-engagement:consent-overridden');
  });

  it('given a consent override with written reasons, when the personal data is erased, then the reasons go and the decision stays', () => {
    const noConsent = world({ consent: NO_CONSENT });
    const proposed = walk(verifiedCase(), noConsent, {
      action: 'propose-action',
      actionType: 'private-engagement',
      priority: 'urgent',
      consentOverride: { reason: 'The family asked us to act for her.' },
    });
    const approved = approve(proposed.case, pendingApproval(proposed.case), noConsent, supervisor, {
      decision: 'approve',
      consentOverride: { reason: 'Raising it is the only protection left.' },
    });
    const erased = reactToErasure(approved.case);
    expect(erased.case.actions[0]).toMatchObject({
      status: 'decided',
      consentOverrideRequested: { reason: ERASED_REASON },
      consentOverride: { by: { sub: 'supervisor-1' }, reason: ERASED_REASON },
    });
    expect(erased.decision?.outcome).toBe('personal-data-erased');
    expect(reactToErasure(verifiedCase()).decision).toBeNull();
  });

  it('given a proposal waiting for approval, when consent is withdrawn, then the proposal and its approval are cancelled', () => {
    const proposed = walk(verifiedCase(), world(), {
      action: 'propose-action',
      actionType: 'public-statement',
      priority: 'high',
    });
    const withdrawn = reactToConsent(proposed.case, NO_CONSENT, true);
    expect(eventTypes(withdrawn)).toEqual(['ResponseActionCancelled']);
    expect(withdrawn.case.actions[0]).toMatchObject({
      status: 'cancelled',
      cancelledBecause: 'consent-withdrawn',
    });
    expect(withdrawn.case.approvals.find((a) => a.subject === 'response-action')?.status).toBe('cancelled');
  });

  it('given a critical risk, when assessed, then the case takes the urgent track and may take the urgent actions while verification continues', () => {
    const at = world();
    const urgent = walk(registeredCase(), at, { action: 'begin-screening' }, TO_VERIFICATION[1]!, {
      action: 'assess-risk',
      risk: 'critical',
      urgency: 'imminent',
    });
    expect(urgent.case).toMatchObject({
      track: 'urgent',
      stage: 'verification',
      urgentResponseDueAt: '2026-05-06T10:00:00.000Z',
    });
    const referral = walk(urgent.case, at, {
      action: 'propose-action',
      actionType: 'protection-referral',
      priority: 'urgent',
    });
    expect(referral.case.actions[0]!.status).toBe('decided');
    expect(referral.case.stage).toBe('verification');
    const notUrgent = refusal(() =>
      walk(urgent.case, at, { action: 'propose-action', actionType: 'public-statement', priority: 'high' }),
    );
    expect(notUrgent.gate).toBe('stage');
    const overdue = reactToTimer(referral.case, 'urgent-response-due', referral.case.caseId, {
      policy: v1,
      now: new Date('2026-05-06T10:00:00Z'),
    });
    expect(overdue.case.escalation).toMatchObject({
      trigger: 'urgent-response-overdue',
      nextActionType: 'urgent-appeal',
    });
  });

  it('given two cases against two States with identical facts, when they walk the same steps, then their schedules and ladders are identical', () => {
    const schedule = (state: string) => {
      const proposed = walk(verifiedCase(), world(), {
        action: 'propose-action',
        actionType: 'private-engagement',
        priority: 'high',
      });
      const approved = approve(
        { ...proposed.case, stateConcerned: state },
        pendingApproval(proposed.case),
        world(),
      );
      const action = approved.case.actions[0]!;
      const silence = reactToTimer(approved.case, 'escalation-due', action.id, {
        policy: v1,
        now: new Date(action.replyDueAt!),
      });
      return {
        timers: approved.timers.map((t) =>
          t.change === 'schedule' ? [t.kind, t.dueAt.toISOString()] : [t.change],
        ),
        next: silence.case.escalation?.nextActionType,
        review: action.nextReviewOn,
      };
    };
    expect(schedule('BLR')).toEqual(schedule('NIC'));
  });

  it('given an escalation on silence, when a substantive reply arrives late, then the escalation is answered', () => {
    const proposed = walk(verifiedCase(), world(), {
      action: 'propose-action',
      actionType: 'private-engagement',
      priority: 'high',
    });
    const approved = approve(proposed.case, pendingApproval(proposed.case), world());
    const action = approved.case.actions[0]!;
    const silence = reactToTimer(approved.case, 'escalation-due', action.id, {
      policy: v1,
      now: new Date(action.replyDueAt!),
    });
    expect(silence.case.escalation).not.toBeNull();
    const missedToo = escalate(
      silence.case,
      'reply-deadline-missed',
      { policy: v1, now: new Date(action.replyDueAt!) },
      action.id,
    );
    expect(missedToo.decision).toBeNull();
    const late = reactToStateReply(silence.case, {
      responseActionId: action.id,
      replyType: 'substantive-reply',
      receivedOn: '2026-06-10',
    });
    expect(late.case.escalation).toBeNull();
  });

  it('given an urgent deadline missed with the referral still to decide, when the referral is decided, then the escalation is answered', () => {
    const at = world();
    const urgent = walk(registeredCase(), at, { action: 'begin-screening' }, TO_VERIFICATION[1]!, {
      action: 'assess-risk',
      risk: 'critical',
      urgency: 'imminent',
    });
    const appeal = walk(urgent.case, at, {
      action: 'propose-action',
      actionType: 'urgent-appeal',
      priority: 'urgent',
    });
    const decided = approve(appeal.case, pendingApproval(appeal.case), at);
    const overdue = reactToTimer(decided.case, 'urgent-response-due', decided.case.caseId, {
      policy: v1,
      now: new Date('2026-05-06T10:00:00Z'),
    });
    expect(overdue.case.escalation).toMatchObject({ nextActionType: 'protection-referral' });
    const referral = walk(overdue.case, at, {
      action: 'propose-action',
      actionType: 'protection-referral',
      priority: 'urgent',
    });
    expect(referral.case).toMatchObject({ escalation: null, urgentResponseDueAt: null });
  });

  it('given an urgent proposal, when the case leaves the urgent track before it is approved, then the approval is refused by the stage', () => {
    const at = world();
    const urgent = walk(registeredCase(), at, { action: 'begin-screening' }, TO_VERIFICATION[1]!, {
      action: 'assess-risk',
      risk: 'critical',
      urgency: 'imminent',
    });
    const appeal = walk(urgent.case, at, {
      action: 'propose-action',
      actionType: 'urgent-appeal',
      priority: 'urgent',
    });
    const calmer = walk(appeal.case, at, { action: 'assess-risk', risk: 'low', urgency: 'routine' });
    expect(calmer.case.track).toBe('standard');
    expect(refusal(() => approve(calmer.case, pendingApproval(calmer.case), at)).gate).toBe('stage');
  });

  it('given a version without four eyes on actions, when an officer asks to go past missing consent, then nobody could decide it and it is refused', () => {
    const rule = v1.document.steps['propose-action']!;
    const withoutFourEyes = new ResponseProtocolPolicy({
      ...v1.document,
      steps: {
        ...v1.document.steps,
        'propose-action': { ...rule, gates: rule.gates.filter((g) => g.gate !== 'four-eyes') },
      },
    });
    const context = { ...contextFor(officer, world({ consent: NO_CONSENT })), policy: withoutFourEyes };
    const refused = refusal(() =>
      takeStep(
        verifiedCase(),
        {
          action: 'propose-action',
          actionType: 'urgent-appeal',
          priority: 'urgent',
          consentOverride: { reason: 'The family asked us to act for her.' },
        },
        context,
      ),
    );
    expect(refused.gate).toBe('consent');
  });

  it('given an officer of another entity, when it takes a step, then only the lead entity may', () => {
    const outsider = { ...officer, entity: 'UNDP' };
    const refused = refusal(() =>
      takeStep(registeredCase(), { action: 'begin-screening' }, contextFor(outsider, world())),
    );
    expect(refused).toMatchObject({ gate: 'lead-entity', status: 403 });
  });
});
