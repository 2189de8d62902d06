import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'allegation' })
export class AllegationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text', unique: true })
  reference!: string;

  @Column({ name: 'state_concerned', type: 'char', length: 3 })
  stateConcerned!: string;

  @Column({ name: 'received_via', type: 'text' })
  receivedVia!: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  /** Non-identifying summary, required apart from any detailed account. */
  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'submission_language', type: 'text' })
  submissionLanguage!: string;

  @Column({ name: 'lead_entity', type: 'text' })
  leadEntity!: string;

  @Column({ name: 'recorded_by_sub', type: 'text' })
  recordedBySub!: string;

  @Column({ name: 'recorded_by_role', type: 'text' })
  recordedByRole!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  /** The UN body or mechanism the person cooperated with (null for allegations recorded before it was asked). */
  @Column({ name: 'cooperation_mechanism', type: 'text', nullable: true })
  cooperationMechanism!: string | null;

  @Column({ name: 'cooperation_detail', type: 'text', nullable: true })
  cooperationDetail!: string | null;

  /** Para 4 (a) to (d) of HRC resolution 54/24. */
  @Column({ name: 'cooperation_category', type: 'text', nullable: true })
  cooperationCategory!: 'a' | 'b' | 'c' | 'd' | null;

  @Column({ name: 'cooperation_date', type: 'date', nullable: true })
  cooperationDate!: string | null;

  /** What the cooperation was, sealed with the case's data key. */
  @Column({ name: 'sealed_cooperation', type: 'text', nullable: true })
  sealedCooperation!: string | null;

  /** Raised by every change; its ETag is `"<version>"`. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'changed_at', type: 'timestamptz', nullable: true })
  changedAt!: Date | null;

  /** The detailed account, sealed with the case's data key; null when none was given. */
  @Column({ name: 'sealed_account', type: 'text', nullable: true })
  sealedAccount!: string | null;
}
