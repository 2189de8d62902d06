import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A case in the response protocol: the columns lists filter on, and the whole state as JSON. */
@Entity({ name: 'verification_case' })
export class VerificationCaseEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'state_concerned', type: 'char', length: 3 })
  stateConcerned!: string;

  @Column({ name: 'lead_entity', type: 'text' })
  leadEntity!: string;

  @Column({ type: 'text' })
  stage!: string;

  @Column({ name: 'protocol_version', type: 'text' })
  protocolVersion!: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'text' })
  track!: string;

  @Column({ type: 'text', nullable: true })
  risk!: string | null;

  @Column({ name: 'protocol_state', type: 'jsonb' })
  protocolState!: object;

  /** When something of the case falls (or fell) due and waits for a person; null when nothing does. */
  @Column({ name: 'attention_at', type: 'timestamptz', nullable: true })
  attentionAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
