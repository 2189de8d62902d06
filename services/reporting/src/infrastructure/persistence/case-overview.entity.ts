import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The latest known facts of a case, for dashboards. Categories only, no identities. */
@Entity({ name: 'case_overview' })
export class CaseOverviewEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'state_concerned', type: 'char', length: 3 })
  stateConcerned!: string;

  @Column({ name: 'lead_entity', type: 'text' })
  leadEntity!: string;

  @Column({ name: 'received_via', type: 'text', nullable: true })
  receivedVia!: string | null;

  @Column({ name: 'received_on', type: 'date', nullable: true })
  receivedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  stage!: string | null;

  @Column({ name: 'protocol_version', type: 'text', nullable: true })
  protocolVersion!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
