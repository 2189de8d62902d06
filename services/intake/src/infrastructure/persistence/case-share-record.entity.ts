import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A share as intake keeps it, with the purpose and any override reason (which never leave intake). */
@Entity({ name: 'case_share_record' })
@Index('case_share_record_case', ['caseId'])
export class CaseShareRecordEntity {
  @PrimaryColumn({ name: 'share_id', type: 'uuid' })
  shareId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'lead_entity', type: 'text' })
  leadEntity!: string;

  @Column({ type: 'text' })
  entity!: string;

  @Column({ type: 'text' })
  scope!: 'summary' | 'full';

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'consent_basis', type: 'text' })
  consentBasis!: 'consent' | 'supervisor-override';

  @Column({ name: 'override_reason', type: 'text', nullable: true })
  overrideReason!: string | null;

  @Column({ type: 'text' })
  status!: 'offered' | 'accepted' | 'declined' | 'revoked';

  @Column({ name: 'offered_by_sub', type: 'text' })
  offeredBySub!: string;

  @Column({ name: 'offered_at', type: 'timestamptz' })
  offeredAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
