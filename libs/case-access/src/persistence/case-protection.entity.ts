import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PROTECTION_RISK_LEVELS } from '@reprisals/contracts';

/** Whether a protection risk withholds a case, as this service's projection of the intake events knows it. */
@Entity({ name: 'case_protection' })
export class CaseProtectionEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** The flag version applied; a later version always wins, whatever the arrival order. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'boolean' })
  withheld!: boolean;

  @Column({ type: 'text', nullable: true })
  level!: (typeof PROTECTION_RISK_LEVELS)[number] | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
