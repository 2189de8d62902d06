import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One act of a case: what statistics count in clear, where and what exactly sealed. */
@Entity({ name: 'act_record' })
export class ActRecordEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'date', nullable: true })
  date!: string | null;

  @Column({ name: 'period_from', type: 'date', nullable: true })
  periodFrom!: string | null;

  @Column({ name: 'period_to', type: 'date', nullable: true })
  periodTo!: string | null;

  @Column({ type: 'text' })
  country!: string;

  @Column({ type: 'boolean' })
  online!: boolean;

  @Column({ type: 'text' })
  perpetrator!: string;

  /** Place and description, sealed with the case's data key; null when neither was given. */
  @Column({ name: 'sealed_details', type: 'text', nullable: true })
  sealedDetails!: string | null;
}
