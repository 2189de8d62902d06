import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One decision of the protocol, never changed: which step, which stages, which rules. */
@Entity({ name: 'protocol_decision' })
export class ProtocolDecisionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  step!: string;

  @Column({ name: 'from_stage', type: 'text' })
  fromStage!: string;

  @Column({ name: 'to_stage', type: 'text' })
  toStage!: string;

  @Column({ name: 'policy_version', type: 'text' })
  policyVersion!: string;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId!: string | null;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind!: 'user' | 'system';

  @Column({ name: 'actor_sub', type: 'text', nullable: true })
  actorSub!: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole!: string | null;

  @Column({ name: 'actor_entity', type: 'text', nullable: true })
  actorEntity!: string | null;

  @Column({ name: 'event_ids', type: 'uuid', array: true })
  eventIds!: string[];

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}
