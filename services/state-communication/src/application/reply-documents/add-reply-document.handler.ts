import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import { CaseKeyDestroyed, IdentityVault } from '@reprisals/identity-vault';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { inTransaction } from '@reprisals/persistence';
import { readSealedFileForm, refuseAnnouncedOversize, type SealedFileForm } from '@reprisals/sealed-files';
import type { ActingUser } from '@reprisals/security';
import { CommunicationRepository } from '../../infrastructure/persistence/communication.repository';
import { STATE_COMMUNICATION_DATA_SOURCE } from '../../infrastructure/persistence/state-communication-data-source';
import { ReplyDocumentEntity } from '../../infrastructure/reply-documents/reply-document.entity';
import { replyDocumentFields } from '../../infrastructure/reply-documents/reply-document-fields';
import { ReplyDocumentFileStore } from '../../infrastructure/reply-documents/reply-document-file.store';
import { replyDocumentFormRules } from '../../infrastructure/reply-documents/reply-document-form.policy';
import type { ReplyDocumentStorageConfig } from '../../infrastructure/reply-documents/reply-document-storage.config';
import { REPLY_DOCUMENT_STORAGE_CONFIG } from '../../infrastructure/reply-documents/reply-document-storage.providers';
import { CommunicationNotVisible } from '../communication-steps/communication-refusal';
import {
  communicationFacts,
  replyOf,
  requireLeadOf,
  type ReplyOfCommunication,
} from './reply-documents.access';

/** What the caller learns of the document it added. */
export interface AddedReplyDocument {
  id: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Adds a document the State sent with a reply:
 *
 * 1. the communication, the caller's standing and the reply are checked before a byte of the
 *    body is read (and again at the end, under the communication's lock);
 * 2. the file streams from the request through the size limit, the type check and SHA-256 into
 *    the vault's sealing stream and a partial file of the store, never whole in memory and never
 *    in clear on disk;
 * 3. once written whole and flushed, it takes its final name, and its row (its name sealed) and
 *    its audit record commit in one transaction.
 *
 * Whatever fails, the file is removed and no row is written.
 */
@Injectable()
export class AddReplyDocumentHandler {
  private readonly logger = new Logger('AddReplyDocumentHandler');
  private readonly communications = new CommunicationRepository();

  constructor(
    @InjectDataSource(STATE_COMMUNICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly vault: IdentityVault,
    private readonly store: ReplyDocumentFileStore,
    @Inject(REPLY_DOCUMENT_STORAGE_CONFIG) private readonly config: ReplyDocumentStorageConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `caseIdFound` learns the communication's case, for the audit record of a refusal. */
  async execute(
    of: { communicationId: string; replyId: string },
    request: IncomingMessage,
    user: ActingUser,
    caseIdFound: (caseId: string | null) => void,
  ): Promise<AddedReplyDocument> {
    const communication = await communicationFacts(this.dataSource.manager, of.communicationId);
    if (!communication) throw new CommunicationNotVisible();
    caseIdFound(communication.caseId);
    await requireLeadOf(this.dataSource.manager, communication, user, this.clock.now());
    const reply = replyOf(communication, of.replyId);
    refuseAnnouncedOversize(request, this.config.maxBytes);
    const documentId = randomUUID();
    // The key is created here if it has none, and committed at once: the file sealed with it is
    // written outside any transaction. An erased case throws CaseKeyDestroyed.
    const sealing = await inTransaction(this.dataSource, (manager) =>
      this.vault.createSealingStream(manager, reply.keySubject, replyDocumentFields(documentId).content),
    );
    return this.store.receive(documentId, {
      write: (openDestination) =>
        readSealedFileForm(request, { ...replyDocumentFormRules(this.config), sealing, openDestination }),
      commit: (form) => this.record(reply, documentId, form, user, request),
      removalFailed: (failure) =>
        this.logger.error({ msg: 'reply document file not removed', documentId, ...failure }),
    });
  }

  private async record(
    reply: ReplyOfCommunication,
    documentId: string,
    form: SealedFileForm,
    user: ActingUser,
    request: IncomingMessage,
  ): Promise<AddedReplyDocument> {
    const now = this.clock.now();
    return inTransaction(this.dataSource, async (manager) => {
      // Serialised with the communication's other steps; the lead may have changed meanwhile.
      const current = await this.communications.lock(manager, reply.communicationId);
      if (!current) throw new CommunicationNotVisible();
      await requireLeadOf(manager, current, user, now);
      if (await this.vault.isDestroyed(manager, reply.keySubject))
        throw new CaseKeyDestroyed(reply.keySubject);
      await manager.getRepository(ReplyDocumentEntity).insert({
        id: documentId,
        communicationId: reply.communicationId,
        replyId: reply.replyId,
        mediaType: form.contentType,
        sizeBytes: form.size,
        sha256: form.sha256,
        sealedFilename: await this.vault.seal(
          manager,
          reply.keySubject,
          replyDocumentFields(documentId).filename,
          form.filename,
        ),
        receivedAt: now,
        addedBy: { sub: user.sub, role: user.role, entity: user.entity },
      });
      await this.audit.record(manager, {
        ...actingUserAudit(user),
        ...requestAuditContext(request),
        action: user.permission,
        ...(reply.caseId ? { caseId: reply.caseId } : {}),
        target: `reply-document:${documentId}`,
        outcome: 'allowed',
      });
      return { id: documentId, mediaType: form.contentType, sizeBytes: form.size, sha256: form.sha256 };
    });
  }
}
