import { Column, Entity, Index, PrimaryColumn, type ValueTransformer } from 'typeorm';

/** BIGINT comes back from pg as text: sizes stay far below 2^53. */
const bytes: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string | number) => Number(value),
};

/** The person who added a document: token subject, role and entity. */
export interface ReplyDocumentAuthor {
  sub: string;
  role: string;
  entity: string;
}

/**
 * One document a State sent with a reply. The file itself is in the reply document store,
 * sealed; here is what lists it: its type, size and SHA-256 in clear, and its name sealed under
 * `reply-document/<id>/filename`. Append-only: a document is never changed.
 */
@Entity({ name: 'reply_document' })
@Index('reply_document_reply', ['communicationId', 'replyId', 'receivedAt'])
export class ReplyDocumentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'communication_id', type: 'uuid' })
  communicationId!: string;

  @Column({ name: 'reply_id', type: 'uuid' })
  replyId!: string;

  /** Detected from the file's content. */
  @Column({ name: 'media_type', type: 'text' })
  mediaType!: string;

  /** Bytes of the plaintext. */
  @Column({ name: 'size_bytes', type: 'bigint', transformer: bytes })
  sizeBytes!: number;

  /** SHA-256 of the plaintext, hex. */
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'sealed_filename', type: 'text' })
  sealedFilename!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'added_by', type: 'jsonb' })
  addedBy!: ReplyDocumentAuthor;
}
