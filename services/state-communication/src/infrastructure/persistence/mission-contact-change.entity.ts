import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One change of a Permanent Mission's address (append-only). */
@Entity({ name: 'mission_contact_change' })
@Index('mission_contact_change_state', ['stateCode', 'seq'])
export class MissionContactChangeEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'state_code', type: 'char', length: 3 })
  stateCode!: string;

  @Column({ name: 'previous_email', type: 'text', nullable: true })
  previousEmail!: string | null;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'changed_by', type: 'text' })
  changedBy!: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  /** Insertion order; given by the database. */
  @Column({ type: 'bigint', unique: true, insert: false, update: false })
  seq!: string;
}
