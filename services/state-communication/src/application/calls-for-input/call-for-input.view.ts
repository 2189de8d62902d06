import type { CallForInput } from '../../domain/call-for-input/call-for-input';
import type { Communication } from '../../domain/communication/communication';

/** Where the call stands with one State: sent when, due when, answered when and how, reminded, silent. */
export interface CallRecipientView {
  stateConcerned: string;
  communicationId: string;
  language: string;
  status: Communication['status'];
  sentAt: string | null;
  replyDueOn: string | null;
  firstReplyOn: string | null;
  replyTypes: string[];
  remindersSent: number;
  deadlineMissed: boolean;
}

export type CallForInputView = Omit<CallForInput, 'draftedBy' | 'approvedBy' | 'recipients'> & {
  draftedBy: { role: string; entity: string } | null;
  approvedBy: { role: string; entity: string } | null;
  /**
   * The reply rate counts the letters whose reply time has run out or that were answered, as the
   * figures of communications do (GET /state-communication/metrics): `notYetDue` are left out.
   */
  totals: {
    recipients: number;
    sent: number;
    replied: number;
    notYetDue: number;
    replyRate: number | null;
    deadlinesMissed: number;
  };
  recipients: CallRecipientView[];
};

const person = (actor: CallForInput['draftedBy'] | null) =>
  actor?.kind === 'user' ? { role: actor.role, entity: actor.entity } : null;

function recipientOf(letter: Communication): CallRecipientView {
  const received = letter.replies.map((reply) => reply.receivedOn).sort();
  return {
    stateConcerned: letter.stateConcerned,
    communicationId: letter.id,
    language: letter.language,
    status: letter.status,
    sentAt: letter.schedule?.sentAt ?? null,
    replyDueOn: letter.schedule?.replyDueOn ?? null,
    firstReplyOn: received[0] ?? null,
    replyTypes: letter.replies.map((reply) => reply.type),
    remindersSent: letter.remindersSent.length,
    deadlineMissed: letter.deadlineMissed,
  };
}

/** A call with the tracking of each State's reply, and the totals across States, on `today`. */
export function callForInputView(
  call: CallForInput,
  letters: Communication[],
  today: string,
): CallForInputView {
  const { recipients: _recipients, draftedBy, approvedBy, ...rest } = call;
  const recipients = letters.map(recipientOf);
  const sent = recipients.filter((recipient) => recipient.sentAt !== null).length;
  const replied = recipients.filter((recipient) => recipient.firstReplyOn !== null).length;
  const notYetDue = recipients.filter(
    (recipient) =>
      recipient.sentAt !== null && recipient.firstReplyOn === null && recipient.replyDueOn! >= today,
  ).length;
  const due = sent - notYetDue;
  return {
    ...rest,
    draftedBy: person(draftedBy),
    approvedBy: person(approvedBy),
    totals: {
      recipients: recipients.length,
      sent,
      replied,
      notYetDue,
      replyRate: due === 0 ? null : Math.round((replied / due) * 1000) / 1000,
      deadlinesMissed: recipients.filter((recipient) => recipient.deadlineMissed).length,
    },
    recipients,
  };
}
