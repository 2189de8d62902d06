import { loadCommunicationPolicies } from '../../infrastructure/policy/communication-policies';
import type { Communication } from './communication';
import { CommunicationRefused } from './communication-refused';
import {
  approveCommunication,
  deadlineDue,
  draftCommunication,
  markDispatchFailed,
  markSent,
  recordReply,
  reminderDue,
  requestDispatch,
  stopDispatch,
} from './communication-steps';

const [policy] = loadCommunicationPolicies();
const liaison = { kind: 'user' as const, sub: 'liaison-1', role: 'state-liaison', entity: 'OHCHR' };
const supervisor = { kind: 'user' as const, sub: 'supervisor-1', role: 'supervisor', entity: 'OHCHR' };
const sentAt = new Date('2026-12-01T10:00:00Z');
const open = { raiseWithState: 'anonymous' as const, withheld: false };

const draft = (state = 'BLR') =>
  draftCommunication(
    {
      id: `0000000${state.length}-0000-4000-8000-000000000001`,
      callForInput: null,
      caseId: '00000000-0000-4000-8000-0000000000ca',
      reference: 'REP-2026-000001',
      stateConcerned: state,
      kind: 'allegation-letter',
      language: 'en',
      responseActionId: null,
      subject: 'Allegation letter',
      body: 'Text',
    },
    liaison,
    new Date('2026-11-30T10:00:00Z'),
  ).communication;

function sent(state = 'BLR'): Communication {
  const approved = approveCommunication(draft(state), supervisor, sentAt).communication;
  const dispatching = requestDispatch(approved, open, liaison, sentAt).communication;
  return markSent(dispatching, policy!, sentAt).communication;
}

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof CommunicationRefused) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('a communication to a State', () => {
  it('given a draft, when its drafter approves it, then four eyes refuse; a supervisor approves', () => {
    expect(
      refusal(() => approveCommunication(draft(), { ...supervisor, sub: 'liaison-1' }, sentAt)).code,
    ).toBe('four-eyes');
    expect(approveCommunication(draft(), supervisor, sentAt).communication.status).toBe('approved');
  });

  it('given an approved communication, when consent or protection closes the case, then the dispatch is refused and says why', () => {
    const approved = approveCommunication(draft(), supervisor, sentAt).communication;
    expect(refusal(() => requestDispatch(approved, { ...open, withheld: true }, liaison, sentAt)).code).toBe(
      'protection-risk',
    );
    expect(
      refusal(() => requestDispatch(approved, { raiseWithState: 'no', withheld: false }, liaison, sentAt))
        .code,
    ).toBe('no-consent');
    expect(stopDispatch(approved, 'no-consent', sentAt)?.communication).toMatchObject({
      status: 'stopped',
      stoppedBecause: 'no-consent',
    });
  });

  it('given a dispatch, when it is sent, then the deadline, reminders and missed deadline are scheduled under the policy version', () => {
    const approved = approveCommunication(draft(), supervisor, sentAt).communication;
    const requested = requestDispatch(approved, open, liaison, sentAt);
    expect(requested.timers).toEqual([
      { change: 'schedule', kind: 'dispatch', subject: approved.id, dueAt: sentAt },
    ]);
    const outcome = markSent(requested.communication, policy!, sentAt);
    expect(outcome.communication.schedule).toMatchObject({
      replyDueOn: '2027-01-30',
      policyVersion: 'state-communication/v1',
    });
    expect(
      outcome.timers.map((t) => [t.kind, t.subject, t.change === 'schedule' ? t.dueAt.toISOString() : null]),
    ).toEqual([
      ['reminder', `${approved.id}/1`, '2027-01-16T00:00:00.000Z'],
      ['reminder', `${approved.id}/2`, '2027-02-06T00:00:00.000Z'],
      ['deadline-missed', approved.id, '2027-02-14T00:00:00.000Z'],
    ]);
  });

  it('given a sent communication, when a reminder falls due twice, then it is sent once', () => {
    const first = reminderDue(sent(), 1, new Date('2027-01-16T00:00:00Z'));
    expect(first?.events.map((e) => e.definition.type)).toEqual(['ReminderSent']);
    expect(reminderDue(first!.communication, 1, new Date('2027-01-16T00:01:00Z'))).toBeUndefined();
  });

  it('given a reply, when it is recorded, then pending reminders and the missed deadline are cancelled and none is sent after', () => {
    const replied = recordReply(
      sent(),
      {
        id: '00000000-0000-4000-8000-00000000beef',
        type: 'acknowledgement',
        receivedOn: '2026-12-10',
        language: 'en',
        assessment: 'partially-responsive',
        recordedBy: liaison,
      },
      new Date('2026-12-11T09:00:00Z'),
    );
    expect(replied.timers.filter((t) => t.change === 'cancel').map((t) => t.kind)).toEqual([
      'reminder',
      'reminder',
      'deadline-missed',
    ]);
    expect(reminderDue(replied.communication, 1, new Date('2027-01-16T00:00:00Z'))).toBeUndefined();
    expect(deadlineDue(replied.communication, new Date('2027-02-14T00:00:00Z'))).toBeUndefined();
  });

  it('given a reply dated before the communication was sent, when recorded, then it is refused naming the field', () => {
    const refused = refusal(() =>
      recordReply(
        sent(),
        {
          id: '00000000-0000-4000-8000-00000000beef',
          type: 'substantive-reply',
          receivedOn: '2026-11-29',
          language: 'fr',
          assessment: 'responsive',
          recordedBy: liaison,
        },
        new Date('2026-12-11T09:00:00Z'),
      ),
    );
    expect(refused).toMatchObject({ code: 'reply-before-sending', status: 422 });
    expect(refused.message).toMatch(/^receivedOn: /);
  });

  it('given silence, when the missed deadline falls due, then DeadlineMissed is published once', () => {
    const missed = deadlineDue(sent(), new Date('2027-02-14T00:00:00Z'));
    expect(missed?.events.map((e) => e.definition.type)).toEqual(['DeadlineMissed']);
    expect(deadlineDue(missed!.communication, new Date('2027-02-14T00:05:00Z'))).toBeUndefined();
  });

  it('given a dispatch that keeps failing, when the attempts run out, then it is shown as failed', () => {
    const approved = approveCommunication(draft(), supervisor, sentAt).communication;
    let current = requestDispatch(approved, open, liaison, sentAt).communication;
    for (let attempt = 1; attempt < policy!.dispatch.maxAttempts; attempt += 1) {
      const failed = markDispatchFailed(current, policy!, sentAt);
      expect(failed.communication.status).toBe('dispatching');
      expect(failed.timers).toHaveLength(1);
      current = failed.communication;
    }
    const last = markDispatchFailed(current, policy!, sentAt);
    expect(last.communication.status).toBe('failed');
    expect(last.events[0]?.data).toMatchObject({ final: true, attempts: policy!.dispatch.maxAttempts });
  });

  it('given identical facts for two States, when sent at the same time, then their schedules are identical', () => {
    expect(sent('BLR').schedule).toEqual(sent('NIC').schedule);
  });
});
