import type { Communication } from '../../domain/communication/communication';

/**
 * A communication as liaisons read it: its text, status, the reply schedule (deadline and
 * reminders, with those already sent), the State's replies and its history. The drafter's and
 * approver's accounts appear by role and entity only.
 */
export type CommunicationView = Omit<Communication, 'draftedBy' | 'approvedBy' | 'replies'> & {
  draftedBy: PublicActor;
  approvedBy: PublicActor | null;
  replies: Array<Omit<Communication['replies'][number], 'recordedBy'>>;
};

/** A person by role and entity, or the service acting on its own rules. */
type PublicActor =
  { kind: 'user'; role: string; entity: string } | { kind: 'system'; service: 'state-communication' };

const publicActor = (actor: Communication['draftedBy']): PublicActor =>
  actor.kind === 'user'
    ? { kind: 'user', role: actor.role, entity: actor.entity }
    : { kind: 'system', service: 'state-communication' };

export function communicationView(communication: Communication): CommunicationView {
  return {
    ...communication,
    draftedBy: publicActor(communication.draftedBy),
    approvedBy: communication.approvedBy ? publicActor(communication.approvedBy) : null,
    replies: communication.replies.map(({ recordedBy: _recordedBy, ...reply }) => reply),
  };
}
