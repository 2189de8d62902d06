import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Last sequence number handed out per year for case references. */
@Entity({ name: 'case_reference_counter' })
export class CaseReferenceCounterEntity {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue!: number;
}
