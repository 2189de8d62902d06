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
  assessment: (typeof REPLY_ASSESSMENTS)[number];
  recordedAt: string;
  recordedBy: CommunicationActor;
}

export interface CommunicationStep {
  at: string;
  step: string;
  by: { role: string | null; entity: string | null };
}

/** A letter or note to the State concerned, from its draft to the State's reply. */
export interface Communication {
  id: string;
  caseId: string;
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
