import { Column, Entity, Index, PrimaryColumn, type ValueTransformer } from 'typeorm';

/** BIGINT comes back from pg as text: sizes stay far below 2^53. */
const bytes: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string | number) => Number(value),
};

/**
 * One evidence file of a case. The file itself is in the evidence store, sealed; here is what
 * lists it: its type and size in clear (the event says as much), and, sealed with the case's data
 * key, its name, its description and its checksum, since a checksum left in clear would still
 * recognise the file after the case was erased. Append-only: evidence is never changed.
 */
@Entity({ name: 'case_attachment' })
@Index('case_attachment_case_id_added_at', ['caseId', 'addedAt'])
export class CaseAttachmentEntity {
  @PrimaryColumn({ name: 'attachment_id', type: 'uuid' })
  attachmentId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  /** Bytes of the plaintext. */
  @Column({ name: 'size_bytes', type: 'bigint', transformer: bytes })
  sizeBytes!: number;

  /** SHA-256 of the plaintext (hex), sealed under `attachment/<id>/sha256`. */
  @Column({ name: 'sealed_checksum', type: 'text' })
  sealedChecksum!: string;

  /** The file name as it was given, sealed under `attachment/<id>/filename`. */
  @Column({ name: 'sealed_filename', type: 'text' })
  sealedFilename!: string;

  /** Sealed under `attachment/<id>/description`. */
  @Column({ name: 'sealed_description', type: 'text', nullable: true })
  sealedDescription!: string | null;

  @Column({ name: 'added_by_sub', type: 'text' })
  addedBySub!: string;

  @Column({ name: 'added_by_entity', type: 'text' })
  addedByEntity!: string;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;
}
