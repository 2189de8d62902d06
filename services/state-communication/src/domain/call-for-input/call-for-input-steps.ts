import type { Communication, CommunicationActor } from '../communication/communication';
import {
  approveCommunication,
  draftCommunication,
  requestDispatch,
  type CommunicationOutcome,
  type DraftInput,
} from '../communication/communication-steps';
import { CommunicationRefused } from '../communication/communication-refused';
import { callForInputReference, type CallForInput } from './call-for-input';

/** What a step on a call decided: the call, and the outcome for each State's communication. */
export interface CallForInputOutcome {
  call: CallForInput;
  communications: CommunicationOutcome[];
}

type Person = Extract<CommunicationActor, { kind: 'user' }>;

const stepOf = (call: CallForInput, step: string, actor: Person, now: Date): CallForInput['history'] => [
  ...call.history,
  { at: now.toISOString(), step, by: { role: actor.role, entity: actor.entity } },
];

/** Drafts the call for a period: one communication per State, each from its template. */
export function draftCallForInput(
  input: { id: string; periodFrom: string; periodTo: string },
  letters: Array<Omit<DraftInput, 'caseId' | 'callForInput' | 'reference' | 'responseActionId'>>,
  actor: Person,
  now: Date,
): CallForInputOutcome {
  const reference = callForInputReference(input.periodFrom, input.periodTo);
  const communications = letters.map((letter) =>
    draftCommunication(
      {
        ...letter,
        caseId: null,
        callForInput: {
          id: input.id,
          periodFrom: input.periodFrom,
          periodTo: input.periodTo,
          entity: actor.entity,
        },
        reference,
        responseActionId: null,
      },
      actor,
      now,
    ),
  );
  return {
    call: {
      ...input,
      entity: actor.entity,
      reference,
      status: 'draft',
      recipients: communications.map(({ communication }) => ({
        stateConcerned: communication.stateConcerned,
        communicationId: communication.id,
      })),
      draftedBy: actor,
      draftedAt: now.toISOString(),
      approvedBy: null,
      history: [{ at: now.toISOString(), step: 'drafted', by: { role: actor.role, entity: actor.entity } }],
    },
    communications,
  };
}

/** Four eyes, once for the whole call: every State's letter is approved with it. */
export function approveCallForInput(
  call: CallForInput,
  letters: Communication[],
  approver: Person,
  now: Date,
): CallForInputOutcome {
  if (call.status !== 'draft')
    throw new CommunicationRefused('status', `a call for input that is ${call.status} cannot be approved`);
  if (call.draftedBy.kind === 'user' && call.draftedBy.sub === approver.sub)
    throw new CommunicationRefused(
      'four-eyes',
      'the person who drafted a call for input cannot approve it',
      409,
    );
  return {
    call: {
      ...call,
      status: 'approved',
      approvedBy: approver,
      history: stepOf(call, 'approved', approver, now),
    },
    communications: letters
      .filter((letter) => letter.status === 'draft')
      .map((letter) => approveCommunication(letter, approver, now)),
  };
}

/** Sends every State's letter: each leaves on its own dispatch timer, retried on its own. */
export function dispatchCallForInput(
  call: CallForInput,
  letters: Communication[],
  actor: Person,
  now: Date,
): CallForInputOutcome {
  if (call.status !== 'approved')
    throw new CommunicationRefused('status', `a call for input that is ${call.status} cannot be sent`);
  return {
    call: { ...call, status: 'sent', history: stepOf(call, 'dispatch-requested', actor, now) },
    communications: letters
      .filter((letter) => letter.status === 'approved')
      .map((letter) => requestDispatch(letter, null, actor, now)),
  };
}
