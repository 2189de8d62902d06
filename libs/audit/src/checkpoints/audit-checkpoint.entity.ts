import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The head of the audit chain at one moment, signed: proof, for whoever holds a copy, that the
 * records up to `last_seq` were exactly these. Append-only like the records.
 */
@Entity({ name: 'audit_checkpoint' })
export class AuditCheckpointEntity {
  @Column({ type: 'bigint', unique: true, insert: false, update: false })
  seq!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The seq of the record that was the head of the chain. */
  @Column({ name: 'last_seq', type: 'bigint' })
  lastSeq!: string;

  @Column({ name: 'head_hash', type: 'char', length: 64 })
  headHash!: string;

  /** How many records the chain held up to and including the head. */
  @Column({ name: 'record_count', type: 'bigint' })
  recordCount!: string;

  @Column({ name: 'key_id', type: 'text' })
  keyId!: string;

  @Column({ type: 'text' })
  algorithm!: 'Ed25519';

  /** Base64 signature of the checkpoint's canonical payload (see checkpointPayload). */
  @Column({ type: 'text' })
  signature!: string;
}
