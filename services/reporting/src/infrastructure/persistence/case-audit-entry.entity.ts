import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A copy of one audit record about a case, from whichever service kept it. Ids and codes only. */
@Entity({ name: 'case_audit_entry' })
@Index('case_audit_entry_case', ['caseId'])
export class CaseAuditEntryEntity {
  @PrimaryColumn({ name: 'record_id', type: 'uuid' })
  recordId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  service!: string;

  @Column({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind!: string;

  @Column({ name: 'actor_sub', type: 'text', nullable: true })
  actorSub!: string | null;

  @Column({ name: 'actor_entity', type: 'text', nullable: true })
  actorEntity!: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole!: string | null;

  @Column({ type: 'text', nullable: true })
  target!: string | null;

  @Column({ name: 'policy_version', type: 'text', nullable: true })
  policyVersion!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
