import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdentityVault } from '@reprisals/identity-vault';
import type { SealedFileDownload } from '@reprisals/sealed-files';
import { ReplyDocumentEntity } from './reply-document.entity';
import { replyDocumentFields } from './reply-document-fields';
import { ReplyDocumentFileStore } from './reply-document-file.store';

/** A reply document as listed: no file name (it comes with the file), the adder by role and entity. */
export interface ReplyDocumentView {
  id: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  receivedAt: string;
  addedBy: { role: string; entity: string };
}

/** A reply document ready to stream (typed as its content was accepted): nothing has been read yet. */
export interface OpenedReplyDocument extends SealedFileDownload {
  id: string;
}

/**
 * Reads the documents of one reply, for callers that may see its communication. Sealed values
 * open with the key of `keySubject` (the case, or the communication when it has no case): once
 * the case was erased, opening throws CaseKeyDestroyed.
 */
@Injectable()
export class ReplyDocumentReader {
  constructor(
    private readonly vault: IdentityVault,
    private readonly store: ReplyDocumentFileStore,
  ) {}

  async list(manager: EntityManager, communicationId: string, replyId: string): Promise<ReplyDocumentView[]> {
    const rows = await manager
      .getRepository(ReplyDocumentEntity)
      .find({ where: { communicationId, replyId }, order: { receivedAt: 'ASC', id: 'ASC' } });
    return rows.map((row) => ({
      id: row.id,
      mediaType: row.mediaType,
      sizeBytes: row.sizeBytes,
      sha256: row.sha256,
      receivedAt: row.receivedAt.toISOString(),
      addedBy: { role: row.addedBy.role, entity: row.addedBy.entity },
    }));
  }

  /** undefined when the reply has no such document. */
  async open(
    manager: EntityManager,
    keySubject: string,
    of: { communicationId: string; replyId: string; documentId: string },
  ): Promise<OpenedReplyDocument | undefined> {
    const row = await manager.getRepository(ReplyDocumentEntity).findOneBy({
      id: of.documentId,
      communicationId: of.communicationId,
      replyId: of.replyId,
    });
    if (!row) return undefined;
    const fields = replyDocumentFields(row.id);
    const filename = await this.vault.open(manager, keySubject, fields.filename, row.sealedFilename);
    const opening = await this.vault.createOpeningStream(manager, keySubject, fields.content);
    const recorded = { size: row.sizeBytes, sha256: row.sha256 };
    // SealedFileMissing when the store has no file of the document.
    const stages = await this.store.openChecked(row.id, opening, recorded);
    return { id: row.id, contentType: row.mediaType, size: row.sizeBytes, filename, stages };
  }
}
