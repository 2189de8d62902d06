import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One audited step: who (ids only), did what, to which case, with which outcome. Rows are only
 * ever inserted (the table refuses UPDATE, DELETE and TRUNCATE) and form a hash chain in `seq`
 * order: each row carries the hash of the row before it and the hash of its own content.
 */
@Entity({ name: 'audit_record' })
@Index('audit_record_case', ['caseId'], { where: 'case_id IS NOT NULL' })
@Index('audit_record_actor', ['actorSub'])
export class AuditRecordEntity {
  /** Storage and chain order; given by the database on insert. */
  @Column({ type: 'bigint', unique: true, insert: false, update: false })
  seq!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'text' })
  service!: string;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind!: 'user' | 'system';

  /** The token subject of a person, or the service name of a system actor. */
  @Column({ name: 'actor_sub', type: 'text' })
  actorSub!: string;

  @Column({ name: 'actor_entity', type: 'text', nullable: true })
  actorEntity!: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'text', nullable: true })
  target!: string | null;

  @Column({ type: 'text' })
  outcome!: 'allowed' | 'denied';

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ name: 'trace_id', type: 'text', nullable: true })
  traceId!: string | null;

  @Column({ name: 'policy_version', type: 'text', nullable: true })
  policyVersion!: string | null;

  @Column({ name: 'previous_hash', type: 'char', length: 64 })
  previousHash!: string;

  @Column({ type: 'char', length: 64, unique: true })
  hash!: string;
}
