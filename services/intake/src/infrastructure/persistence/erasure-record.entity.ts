import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ERASURE_REASONS } from '@reprisals/contracts';

/** Who erased a case's personal data, when and why. Kept in intake only. */
@Entity({ name: 'erasure_record' })
export class ErasureRecordEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  reason!: (typeof ERASURE_REASONS)[number];

  /** The officer's explanation, which must not name anyone. */
  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'erased_by_sub', type: 'text' })
  erasedBySub!: string;

  @Column({ name: 'erased_by_entity', type: 'text' })
  erasedByEntity!: string;

  @Column({ name: 'erased_at', type: 'timestamptz' })
  erasedAt!: Date;
}
