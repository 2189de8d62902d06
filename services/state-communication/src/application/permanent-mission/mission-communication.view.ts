import type { Communication } from '../../domain/communication/communication';

/**
 * A communication as its Permanent Mission reads it: what it was sent, when, by when a reply is
 * awaited, the reminders it received, and the replies on record. Nothing of the UN's own work on
 * it (drafting, approvals, assessments, the case's id) appears.
 */
export interface MissionCommunicationView {
  id: string;
  reference: string;
  kind: Communication['kind'];
  language: Communication['language'];
  subject: string;
  body: string;
  sentOn: string;
  replyDueOn: string;
  remindersReceived: number;
  replies: Array<{ id: string; type: string; receivedOn: string; language: string }>;
}

export function missionCommunicationView(communication: Communication): MissionCommunicationView {
  const schedule = communication.schedule!;
  return {
    id: communication.id,
    reference: communication.reference,
    kind: communication.kind,
    language: communication.language,
    subject: communication.subject,
    body: communication.body,
    sentOn: schedule.sentAt.slice(0, 10),
    replyDueOn: schedule.replyDueOn,
    remindersReceived: communication.remindersSent.length,
    replies: communication.replies.map(({ id, type, receivedOn, language }) => ({
      id,
      type,
      receivedOn,
      language,
    })),
  };
}
