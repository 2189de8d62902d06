import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A call for input: its document (the domain's CallForInput) and the columns lists filter on. */
@Entity({ name: 'call_for_input' })
export class CallForInputEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'period_from', type: 'date' })
  periodFrom!: string;

  @Column({ name: 'period_to', type: 'date' })
  periodTo!: string;

  @Column({ type: 'text' })
  entity!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'jsonb' })
  document!: object;

  @Column({ name: 'drafted_at', type: 'timestamptz' })
  draftedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
