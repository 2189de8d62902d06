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

  /** The detailed account, sealed with the case's data key; null when none was given. */
  @Column({ name: 'sealed_account', type: 'text', nullable: true })
  sealedAccount!: string | null;
}
