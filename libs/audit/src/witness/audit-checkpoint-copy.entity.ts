import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed checkpoint of another service's audit chain, held by a witness so that a rewrite of
 * that service's past (even by someone who can alter its database and holds its signing key) no
 * longer matches it. Append-only, like the chains.
 */
@Entity({ name: 'audit_checkpoint_copy' })
export class AuditCheckpointCopyEntity {
  @PrimaryColumn({ name: 'checkpoint_id', type: 'uuid' })
  checkpointId!: string;

  /** The service whose chain the checkpoint signs. */
  @Column({ type: 'text' })
  service!: string;

  @Column({ name: 'last_seq', type: 'bigint' })
  lastSeq!: string;

  @Column({ name: 'head_hash', type: 'char', length: 64 })
  headHash!: string;

  @Column({ name: 'record_count', type: 'integer' })
  recordCount!: number;

  @Column({ name: 'key_id', type: 'text' })
  keyId!: string;

  @Column({ type: 'text' })
  algorithm!: string;

  @Column({ type: 'text' })
  signature!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
