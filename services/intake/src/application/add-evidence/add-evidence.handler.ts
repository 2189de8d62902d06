import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DataSource, EntityManager } from 'typeorm';
import { actingUserAudit, AuditTrail, type AuditEntry } from '@reprisals/audit';
import { CaseAccessReader, seesFullCase } from '@reprisals/case-access';
import { createEvent, EvidenceAdded } from '@reprisals/contracts';
import { CaseKeyDestroyed, IdentityVault } from '@reprisals/identity-vault';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import { inTransaction } from '@reprisals/persistence';
import { readSealedFileForm, refuseAnnouncedOversize, type SealedFileForm } from '@reprisals/sealed-files';
import type { ActingUser } from '@reprisals/security';
import { CaseAttachmentEntity } from '../../infrastructure/evidence/case-attachment.entity';
import { evidenceFields } from '../../infrastructure/evidence/evidence-fields';
import { EvidenceFileStore } from '../../infrastructure/evidence/evidence-file.store';
import { DESCRIPTION_PART, evidenceFormRules } from '../../infrastructure/evidence/evidence-form.policy';
import type { EvidenceStorageConfig } from '../../infrastructure/evidence/evidence-storage.config';
import { EVIDENCE_STORAGE_CONFIG } from '../../infrastructure/evidence/evidence-storage.providers';
import { lockCase } from '../../infrastructure/persistence/case-share.repository';
import { INTAKE_DATA_SOURCE } from '../../infrastructure/persistence/intake-data-source';
import { CaseNotVisible } from '../case-share-refusal';
import { FullFileRequired } from './evidence-refusal';
import { userEventContext } from '../user-event-context';

/** What the caller learns of the evidence it added. */
export interface AddedEvidence {
  id: string;
  contentType: string;
  size: number;
  sha256: string;
  addedAt: string;
  addedByEntity: string;
}

/**
 * Adds a file of evidence to a case, for the lead entity and entities holding a full share:
 *
 * 1. access is checked before a byte of the body is read (and again, under the case's lock, at
 *    the end: a share may be revoked during a long upload);
 * 2. the file streams from the request through the size limit, the type check and SHA-256 into
 *    the vault's sealing stream and a partial file of the evidence store, never whole in memory
 *    and never in clear on disk;
 * 3. once it is written whole and flushed, it takes its final name, and its row (name,
 *    description and checksum sealed), its event and its audit record commit in one transaction.
 *
 * Whatever fails, the file is removed and no row is written.
 */
@Injectable()
export class AddEvidenceHandler {
  private readonly logger = new Logger('AddEvidenceHandler');
  private readonly reader = new CaseAccessReader();

  constructor(
    @InjectDataSource(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly messaging: ServiceMessaging,
    private readonly audit: AuditTrail,
    private readonly vault: IdentityVault,
    private readonly store: EvidenceFileStore,
    @Inject(EVIDENCE_STORAGE_CONFIG) private readonly config: EvidenceStorageConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    caseId: string,
    request: IncomingMessage,
    user: ActingUser,
    context: Pick<AuditEntry, 'requestId' | 'traceId'>,
  ): Promise<AddedEvidence> {
    await this.requireFullFile(this.dataSource.manager, caseId, user);
    refuseAnnouncedOversize(request, this.config.maxBytes);
    const attachmentId = randomUUID();
    // The case's key is created here if it has none, and committed at once: the file sealed with
    // it is written outside any transaction. An erased case throws CaseKeyDestroyed.
    const sealing = await inTransaction(this.dataSource, (manager) =>
      this.vault.createSealingStream(manager, caseId, evidenceFields(attachmentId).content),
    );
    return this.store.receive(attachmentId, {
      write: (openDestination) =>
        readSealedFileForm(request, { ...evidenceFormRules(this.config), sealing, openDestination }),
      commit: (form) => this.record(caseId, attachmentId, form, user, context),
      removalFailed: (failure) =>
        this.logger.error({ msg: 'evidence file not removed', attachmentId, ...failure }),
    });
  }

  private async record(
    caseId: string,
    attachmentId: string,
    form: SealedFileForm,
    user: ActingUser,
    context: Pick<AuditEntry, 'requestId' | 'traceId'>,
  ): Promise<AddedEvidence> {
    const now = this.clock.now();
    const description = form.texts[DESCRIPTION_PART];
    return this.messaging.outbox.run(async (unit) => {
      const { manager } = unit;
      // Serialised with the case's other commands, its erasure included.
      if (!(await lockCase(manager, caseId))) throw new CaseNotVisible();
      await this.requireFullFile(manager, caseId, user);
      if (await this.vault.isDestroyed(manager, caseId)) throw new CaseKeyDestroyed(caseId);
      const fields = evidenceFields(attachmentId);
      await manager.getRepository(CaseAttachmentEntity).insert({
        attachmentId,
        caseId,
        contentType: form.contentType,
        sizeBytes: form.size,
        sealedChecksum: await this.vault.seal(manager, caseId, fields.sha256, form.sha256),
        sealedFilename: await this.vault.seal(manager, caseId, fields.filename, form.filename),
        sealedDescription:
          description === undefined
            ? null
            : await this.vault.seal(manager, caseId, fields.description, description),
        addedBySub: user.sub,
        addedByEntity: user.entity,
        addedAt: now,
      });
      unit.record(
        createEvent(
          EvidenceAdded,
          { caseId, attachmentId, contentType: form.contentType, size: form.size },
          userEventContext(caseId, user, now),
        ),
      );
      await this.audit.record(manager, {
        ...actingUserAudit(user),
        ...context,
        action: user.permission,
        caseId,
        target: `attachment:${attachmentId}`,
        outcome: 'allowed',
      });
      return {
        id: attachmentId,
        contentType: form.contentType,
        size: form.size,
        sha256: form.sha256,
        addedAt: now.toISOString(),
        addedByEntity: user.entity,
      };
    });
  }

  /** The lead and entities holding a full share add evidence; others are refused (404 or 403). */
  private async requireFullFile(manager: EntityManager, caseId: string, user: ActingUser): Promise<void> {
    const access = await this.reader.accessOf(manager, caseId, user.entity, this.clock.now());
    if (!access.visible) throw new CaseNotVisible();
    if (!seesFullCase(access)) throw new FullFileRequired();
  }
}
