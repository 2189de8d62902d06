import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdentityVault } from '@reprisals/identity-vault';
import type { SealedFileDownload } from '@reprisals/sealed-files';
import { CaseAttachmentEntity } from './case-attachment.entity';
import { evidenceFields } from './evidence-fields';
import { EvidenceFileStore } from './evidence-file.store';

/** An evidence file as listed: no file name (it comes with the file). */
export interface EvidenceView {
  id: string;
  contentType: string;
  /** Bytes of the file. */
  size: number;
  /** SHA-256 of the file, hex. */
  sha256: string;
  description: string | null;
  addedAt: string;
  addedByEntity: string;
}

/** An evidence file ready to stream: its stages are to be piped in order, and nothing has been read yet. */
export interface OpenedEvidence extends SealedFileDownload {
  attachmentId: string;
}

/**
 * Reads the evidence of a case for callers that passed the case read gate. Sealed values are
 * opened with the case's key: once the case was erased every method with something to open
 * throws CaseKeyDestroyed.
 */
@Injectable()
export class CaseEvidenceReader {
  constructor(
    private readonly vault: IdentityVault,
    private readonly store: EvidenceFileStore,
  ) {}

  async list(manager: EntityManager, caseId: string): Promise<EvidenceView[]> {
    const rows = await manager
      .getRepository(CaseAttachmentEntity)
      .find({ where: { caseId }, order: { addedAt: 'ASC', attachmentId: 'ASC' } });
    const views: EvidenceView[] = [];
    for (const row of rows) {
      const fields = evidenceFields(row.attachmentId);
      views.push({
        id: row.attachmentId,
        contentType: row.contentType,
        size: row.sizeBytes,
        sha256: await this.vault.open(manager, caseId, fields.sha256, row.sealedChecksum),
        description:
          row.sealedDescription === null
            ? null
            : await this.vault.open(manager, caseId, fields.description, row.sealedDescription),
        addedAt: row.addedAt.toISOString(),
        addedByEntity: row.addedByEntity,
      });
    }
    return views;
  }

  /** undefined when the case has no such attachment. */
  async open(
    manager: EntityManager,
    caseId: string,
    attachmentId: string,
  ): Promise<OpenedEvidence | undefined> {
    const row = await manager
      .getRepository(CaseAttachmentEntity)
      .findOneBy({ caseId, attachmentId: attachmentId.toLowerCase() });
    if (!row) return undefined;
    const fields = evidenceFields(row.attachmentId);
    const filename = await this.vault.open(manager, caseId, fields.filename, row.sealedFilename);
    const sha256 = await this.vault.open(manager, caseId, fields.sha256, row.sealedChecksum);
    const opening = await this.vault.createOpeningStream(manager, caseId, fields.content);
    return {
      attachmentId: row.attachmentId,
      contentType: row.contentType,
      size: row.sizeBytes,
      filename,
      // SealedFileMissing when the store has no file of the attachment.
      stages: await this.store.openChecked(row.attachmentId, opening, { size: row.sizeBytes, sha256 }),
    };
  }
}
