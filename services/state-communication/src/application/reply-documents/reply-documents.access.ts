import type { EntityManager } from 'typeorm';
import { CaseAccessReader } from '@reprisals/case-access';
import type { ActingUser } from '@reprisals/security';
import type { Communication } from '../../domain/communication/communication';
import { CommunicationRefused } from '../../domain/communication/communication-refused';
import { CommunicationEntity } from '../../infrastructure/persistence/communication.entity';
import { replyDocumentKeySubject } from '../../infrastructure/reply-documents/reply-document-fields';
import { CommunicationNotVisible } from '../communication-steps/communication-refusal';
import { ReplyNotFound } from './reply-document-refusal';

/** The reply a document belongs to, and the key its documents are sealed with. */
export interface ReplyOfCommunication {
  communicationId: string;
  caseId: string | null;
  replyId: string;
  keySubject: string;
}

type CommunicationFacts = Pick<Communication, 'id' | 'caseId' | 'callForInput' | 'replies'>;

/** The communication as stored, or undefined. */
export async function communicationFacts(
  manager: EntityManager,
  communicationId: string,
): Promise<CommunicationFacts | undefined> {
  const row = await manager.getRepository(CommunicationEntity).findOneBy({ id: communicationId });
  return row ? (row.document as Communication) : undefined;
}

/** The reply of the communication, or ReplyNotFound. */
export function replyOf(communication: CommunicationFacts, replyId: string): ReplyOfCommunication {
  const id = replyId.toLowerCase();
  if (!communication.replies.some((reply) => reply.id === id)) throw new ReplyNotFound();
  return {
    communicationId: communication.id,
    caseId: communication.caseId,
    replyId: id,
    keySubject: replyDocumentKeySubject(communication),
  };
}

/**
 * Documents are added by the lead entity of the communication's case, as replies are recorded:
 * a case the caller's entity does not see does not exist for it (CommunicationNotVisible), an
 * entity that sees it through a share does not write to the State (403). A letter of a call for
 * input has no case: it is the entity that sends the call's, and exists for no other.
 */
export async function requireLeadOf(
  manager: EntityManager,
  communication: Pick<Communication, 'caseId' | 'callForInput'>,
  user: ActingUser,
  now: Date,
): Promise<void> {
  if (communication.caseId === null) {
    if (communication.callForInput?.entity !== user.entity) throw new CommunicationNotVisible();
    return;
  }
  const access = await new CaseAccessReader().accessOf(manager, communication.caseId, user.entity, now);
  if (!access.visible) throw new CommunicationNotVisible();
  if (access.leadEntity !== user.entity) {
    throw new CommunicationRefused(
      'not-lead',
      'only the lead entity records what the State sent about a case',
      403,
    );
  }
}
