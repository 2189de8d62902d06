import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProtectionRiskLevel, ProtectionRiskReason } from '../../domain/protection-risk';

/** One step of a case's protection flag. Append-only: the table rejects UPDATE and DELETE. */
@Entity({ name: 'protection_flag_record' })
export class ProtectionFlagRecordEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  kind!: 'flagged' | 'lifted';

  @Column({ type: 'text', nullable: true })
  level!: ProtectionRiskLevel | null;

  @Column({ type: 'text', nullable: true })
  reason!: ProtectionRiskReason | null;

  /** The officer's explanation, kept in intake; it must not name anyone. */
  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'by_sub', type: 'text' })
  bySub!: string;

  @Column({ name: 'by_entity', type: 'text' })
  byEntity!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
