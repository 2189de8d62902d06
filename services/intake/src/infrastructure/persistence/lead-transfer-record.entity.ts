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

  @Column({ name: 'requested_by_sub', type: 'text' })
  requestedBySub!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
