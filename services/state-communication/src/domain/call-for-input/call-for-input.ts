import type { CommunicationActor, CommunicationStep } from '../communication/communication';

/** Where a call for input stands: drafted for every State, approved by a second person, sent. */
export const CALL_FOR_INPUT_STATUSES = ['draft', 'approved', 'sent'] as const;
export type CallForInputStatus = (typeof CALL_FOR_INPUT_STATUSES)[number];

/**
 * The call for input of a reporting period: the Secretary-General's annual report asks every
 * State for information. It goes as one communication per State (each with its own reply
 * deadline, reminders and replies); the call holds what they share.
 */
export interface CallForInput {
  id: string;
  reference: string;
  periodFrom: string;
  periodTo: string;
  /** The UN entity that sends it (its drafter's): only its people steer the call and read its replies. */
  entity: string;
  status: CallForInputStatus;
  /** The States it goes to, and the communication that carries it to each. */
  recipients: Array<{ stateConcerned: string; communicationId: string }>;
  draftedBy: CommunicationActor;
  draftedAt: string;
  approvedBy: CommunicationActor | null;
  history: CommunicationStep[];
}

/** The reference of a period's call: CFI-<first day>-<last day>. */
export const callForInputReference = (periodFrom: string, periodTo: string): string =>
  `CFI-${periodFrom}-${periodTo}`;
