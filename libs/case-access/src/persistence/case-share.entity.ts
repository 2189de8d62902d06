import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ShareScope } from '@reprisals/contracts';
import type { ShareStatus } from '../domain/share-status';

/** One share of a case with another entity, as this service's projection knows it. */
@Entity({ name: 'case_share' })
@Index('case_share_case_entity', ['caseId', 'entity'])
export class CaseShareEntity {
  @PrimaryColumn({ name: 'share_id', type: 'uuid' })
  shareId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** The receiving entity. */
  @Column({ type: 'text' })
  entity!: string;

  /** Null until the offer (CaseShared) is projected: a share of unknown scope grants nothing. */
  @Column({ type: 'text', nullable: true })
  scope!: ShareScope | null;

  @Column({ type: 'text' })
  status!: ShareStatus;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  /** Time of the latest event that changed this row. */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
