import type { Communication } from '../../domain/communication/communication';

/**
 * A communication as liaisons read it: its text, status, the reply schedule (deadline and
 * reminders, with those already sent), the State's replies and its history. The drafter's and
 * approver's accounts appear by role and entity only.
 */
export type CommunicationView = Omit<Communication, 'draftedBy' | 'approvedBy' | 'replies'> & {
  draftedBy: { role: string | null; entity: string | null };
  approvedBy: { role: string | null; entity: string | null } | null;
  replies: Array<Omit<Communication['replies'][number], 'recordedBy'>>;
};

const publicActor = (actor: Communication['draftedBy']) =>
  actor.kind === 'user' ? { role: actor.role, entity: actor.entity } : { role: null, entity: null };

export function communicationView(communication: Communication): CommunicationView {
  return {
    ...communication,
    draftedBy: publicActor(communication.draftedBy),
    approvedBy: communication.approvedBy ? publicActor(communication.approvedBy) : null,
    replies: communication.replies.map(({ recordedBy: _recordedBy, ...reply }) => reply),
  };
}
