import type { CommunicationKind, CommunicationLanguage, StateReplyType } from '@reprisals/contracts';
import type { ReplySchedule } from '../communication-policy/communication-policy';

/**
 * Where a communication stands: drafted, approved by a second person, being dispatched, sent and
 * waiting, replied to; or failed (every dispatch attempt failed), stopped (consent or protection
 * closed it before it left) or withdrawn by the liaison.
 */
export const COMMUNICATION_STATUSES = [
  'draft',
  'approved',
  'dispatching',
  'sent',
  'replied',
  'failed',
  'stopped',
  'withdrawn',
] as const;
export type CommunicationStatus = (typeof COMMUNICATION_STATUSES)[number];

/** Who took a step: a person by token subject, role and entity, or the service on its rules. */
export type CommunicationActor =
  { kind: 'user'; sub: string; role: string; entity: string } | { kind: 'system' };

/** How the liaison assesses a reply. */
export const REPLY_ASSESSMENTS = ['responsive', 'partially-responsive', 'not-responsive'] as const;

export interface StateReply {
  id: string;
  type: StateReplyType;
  receivedOn: string;
  language: string;
  /** The liaison's assessment; null for a reply the Permanent Mission posted itself, until assessed. */
  assessment: (typeof REPLY_ASSESSMENTS)[number] | null;
  recordedAt: string;
  recordedBy: CommunicationActor;
}

export interface CommunicationStep {
  at: string;
  step: string;
  by: { role: string | null; entity: string | null };
}

/** The call for input a communication carries to one State: the report's period, and the UN entity that sends it. */
export interface CallForInputOf {
  id: string;
  periodFrom: string;
  periodTo: string;
  entity: string;
}

/**
 * A letter or note to the State concerned, from its draft to the State's reply: about a case, or
 * the call for input of a reporting period (then `caseId` is null and `callForInput` says which).
 */
export interface Communication {
  id: string;
  caseId: string | null;
  callForInput: CallForInputOf | null;
  reference: string;
  stateConcerned: string;
  kind: CommunicationKind;
  language: CommunicationLanguage;
  /** The response action of verification it carries out, when it does. */
  responseActionId: string | null;
  status: CommunicationStatus;
  subject: string;
  body: string;
  draftedBy: CommunicationActor;
  draftedAt: string;
  approvedBy: CommunicationActor | null;
  /** Delivery attempts made, the successful one included. */
  dispatchAttempts: number;
  /** Computed when it is sent, under the version of the rules in force then. */
  schedule: ReplySchedule | null;
  remindersSent: number[];
  deadlineMissed: boolean;
  replies: StateReply[];
  stoppedBecause: 'no-consent' | 'protection-risk' | null;
  history: CommunicationStep[];
}

/** Whether the communication left for this State: what its Permanent Mission may read and answer. */
export function isSentTo(communication: Communication, state: string): boolean {
  return (
    communication.stateConcerned === state &&
    (communication.status === 'sent' || communication.status === 'replied')
  );
}
