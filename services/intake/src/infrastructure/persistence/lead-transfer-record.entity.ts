import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'lead_transfer_record' })
export class LeadTransferRecordEntity {
  @PrimaryColumn({ name: 'transfer_id', type: 'uuid' })
  transferId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'from_entity', type: 'text' })
  fromEntity!: string;

  @Column({ name: 'to_entity', type: 'text' })
  toEntity!: string;

  @Column({ type: 'text' })
  status!: 'requested' | 'accepted';

  /** Consent is checked again when the transfer is accepted; an override stands. */
  @Column({ name: 'consent_basis', type: 'text', default: 'consent' })
  consentBasis!: 'consent' | 'supervisor-override';

  /** The supervisor's written reason, when the request went past missing consent; kept in intake. */
  @Column({ name: 'override_reason', type: 'text', nullable: true })
  overrideReason!: string | null;

  @Column({ name: 'requested_by_sub', type: 'text' })
  requestedBySub!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
