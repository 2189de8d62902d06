import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import type { ActingUser } from '@reprisals/security';
import { CaseReadGate } from '@reprisals/service-platform';
import { STATE_COMMUNICATION_DATA_SOURCE } from '../../infrastructure/persistence/state-communication-data-source';
import { ReplyNotFound } from './reply-document-refusal';
import { communicationFacts, replyOf, type ReplyOfCommunication } from './reply-documents.access';

/**
 * The door to a reply's documents. They may name the people the case is about, so they are part
 * of the full file: the lead entity and entities holding a full share read them (a summary share
 * is answered 403, an entity that does not see the case 404), through the case read gate, which
 * audits the read before anything leaves. A communication about no case (a call for input) has
 * no case to gate: its reads are audited all the same.
 */
@Injectable()
export class ReplyDocumentsReadGate {
  constructor(
    @InjectDataSource(STATE_COMMUNICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: CaseReadGate,
    private readonly audit: AuditTrail,
  ) {}

  /** `target`: what the read is about, for its audit record (a document id, or the route). */
  async open(
    of: { communicationId: string; replyId: string },
    user: ActingUser,
    request: IncomingMessage,
    target: string,
  ): Promise<ReplyOfCommunication> {
    const communication = await communicationFacts(this.dataSource.manager, of.communicationId.toLowerCase());
    if (!communication) throw new NotFoundException('No such communication');
    if (communication.caseId !== null) {
      await this.gate.open({
        service: 'state-communication',
        dataSource: this.dataSource,
        caseId: communication.caseId,
        user,
        request,
        scope: 'full',
        target,
      });
    } else {
      // A call's letter: read by the entity that sends the call, and by no other.
      const own = communication.callForInput?.entity === user.entity;
      await this.audit.recordNow({
        ...actingUserAudit(user),
        ...requestAuditContext(request),
        action: user.permission,
        target,
        outcome: own ? 'allowed' : 'denied',
        ...(own ? {} : { reason: 'other-entity' }),
      });
      if (!own) throw new NotFoundException('No such communication');
    }
    try {
      return replyOf(communication, of.replyId);
    } catch (error) {
      if (error instanceof ReplyNotFound) throw new NotFoundException(error.message);
      throw error;
    }
  }
}
