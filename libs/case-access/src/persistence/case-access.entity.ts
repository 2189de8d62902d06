import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which entity leads a case, as this service's projection of the intake events knows it. */
@Entity({ name: 'case_access' })
export class CaseAccessEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'lead_entity', type: 'text' })
  leadEntity!: string;

  /** When the fact that set the lead happened (the allegation's receipt or the latest transfer). */
  @Column({ name: 'lead_since', type: 'timestamptz' })
  leadSince!: Date;

  /** The transfer that set the lead; null while the lead is the entity that received the case. */
  @Column({ name: 'lead_transfer_id', type: 'uuid', nullable: true })
  leadTransferId!: string | null;

  /** Time of the latest event applied to this row. */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
