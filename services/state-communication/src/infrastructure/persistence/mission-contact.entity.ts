import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The address of a State's Permanent Mission that communications are sent to. */
@Entity({ name: 'mission_contact' })
export class MissionContactEntity {
  @PrimaryColumn({ name: 'state_code', type: 'char', length: 3 })
  stateCode!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'boolean' })
  placeholder!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy!: string | null;
}
