import { loadCommunicationPolicies } from '../../infrastructure/policy/communication-policies';
import { CommunicationRefused } from '../communication/communication-refused';
import { markSent, recordReply, requestDispatch } from '../communication/communication-steps';
import { approveCallForInput, dispatchCallForInput, draftCallForInput } from './call-for-input-steps';

const [policy] = loadCommunicationPolicies();
const liaison = { kind: 'user' as const, sub: 'liaison-1', role: 'state-liaison', entity: 'OHCHR' };
const supervisor = { kind: 'user' as const, sub: 'supervisor-1', role: 'supervisor', entity: 'OHCHR' };
const now = new Date('2027-05-03T09:00:00Z');
const CALL_ID = '00000000-0000-4000-8000-0000000000c1';

const drafted = () =>
  draftCallForInput(
    { id: CALL_ID, periodFrom: '2026-05-01', periodTo: '2027-04-30' },
    ['BLR', 'NIC'].map((stateConcerned, index) => ({
      id: `00000000-0000-4000-8000-00000000000${index}`,
      stateConcerned,
      kind: 'call-for-input' as const,
      language: 'en' as const,
      subject: 'Call for input',
      body: 'Text',
    })),
    liaison,
    now,
  );

const refusal = (run: () => unknown): CommunicationRefused => {
  try {
    run();
  } catch (error) {
    if (error instanceof CommunicationRefused) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('a call for input to every State', () => {
  it('given a period, when the call is drafted, then each State gets a letter of the call, with no case and no event yet', () => {
    const { call, communications } = drafted();

    expect(call).toMatchObject({ reference: 'CFI-2026-05-01-2027-04-30', status: 'draft', entity: 'OHCHR' });
    expect(call.recipients.map((recipient) => recipient.stateConcerned)).toEqual(['BLR', 'NIC']);
    for (const { communication, events } of communications) {
      expect(communication).toMatchObject({ caseId: null, callForInput: { id: CALL_ID, entity: 'OHCHR' } });
      expect(events).toEqual([]);
    }
  });

  it('given a drafted call, when its drafter approves it, then four eyes refuse; a supervisor approves every letter', () => {
    const { call, communications } = drafted();
    const letters = communications.map((outcome) => outcome.communication);

    expect(
      refusal(() => approveCallForInput(call, letters, { ...supervisor, sub: 'liaison-1' }, now)).code,
    ).toBe('four-eyes');
    const approved = approveCallForInput(call, letters, supervisor, now);
    expect(approved.call.status).toBe('approved');
    expect(approved.communications.map((outcome) => outcome.communication.status)).toEqual([
      'approved',
      'approved',
    ]);
  });

  it('given a call, when it is sent before approval or twice, then it is refused; once approved, each letter leaves on its own timer and its sending tells CallForInputSent', () => {
    const { call, communications } = drafted();
    const letters = communications.map((outcome) => outcome.communication);
    expect(refusal(() => dispatchCallForInput(call, letters, liaison, now)).code).toBe('status');

    const approved = approveCallForInput(call, letters, supervisor, now);
    const approvedLetters = approved.communications.map((outcome) => outcome.communication);
    const dispatched = dispatchCallForInput(approved.call, approvedLetters, liaison, now);
    expect(dispatched.call.status).toBe('sent');
    expect(dispatched.communications.flatMap((outcome) => outcome.timers)).toEqual([
      { change: 'schedule', kind: 'dispatch', subject: approvedLetters[0]!.id, dueAt: now },
      { change: 'schedule', kind: 'dispatch', subject: approvedLetters[1]!.id, dueAt: now },
    ]);
    expect(refusal(() => dispatchCallForInput(dispatched.call, approvedLetters, liaison, now)).code).toBe(
      'status',
    );

    const sent = markSent(dispatched.communications[0]!.communication, policy!, now);
    expect(sent.events.map((event) => [event.definition.type, event.data])).toEqual([
      [
        'CallForInputSent',
        {
          callForInputId: CALL_ID,
          communicationId: approvedLetters[0]!.id,
          stateConcerned: 'BLR',
          periodFrom: '2026-05-01',
          periodTo: '2027-04-30',
          sentOn: '2027-05-03',
          replyDueOn: '2027-06-17',
        },
      ],
    ]);
    // A reply to a call's letter is recorded on it, and tells no case's timeline.
    const replied = recordReply(
      sent.communication,
      {
        id: '00000000-0000-4000-8000-0000000000aa',
        type: 'substantive-reply',
        receivedOn: '2027-05-03',
        language: 'en',
        assessment: 'responsive',
        recordedBy: liaison,
      },
      now,
    );
    expect(replied.communication.status).toBe('replied');
    expect(replied.events).toEqual([]);
  });

  it("given a case's letter, when it is sent without its consent and protection read, then it does not leave", () => {
    const { communication } = drafted().communications[0]!;
    const caseLetter = {
      ...communication,
      caseId: '00000000-0000-4000-8000-0000000000ca',
      callForInput: null,
      status: 'approved' as const,
    };

    expect(() => requestDispatch(caseLetter, null, liaison, now)).toThrow(/gates/);
  });
});
