import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'state_case_file' })
@Index('state_case_file_state', ['stateConcerned'])
export class StateCaseFileEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'state_concerned', type: 'char', length: 3 })
  stateConcerned!: string;

  @Column({ name: 'lead_entity', type: 'text' })
  leadEntity!: string;

  @Column({ name: 'communications_sent', type: 'integer' })
  communicationsSent!: number;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  /** The non-identifying facts communications draw on (acts, dates, mechanism, para 4 category). */
  @Column({ type: 'jsonb' })
  facts!: object;
}
