import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UnEntityKind } from '@reprisals/case-access';

/** A UN entity of the registry, seeded from libs/case-access/data/un-entities.yaml and edited by admins. */
@Entity({ name: 'un_entity' })
export class UnEntityRecordEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  kind!: UnEntityKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  parent!: string | null;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Null for the seeded rows. */
  @Column({ name: 'updated_by_sub', type: 'text', nullable: true })
  updatedBySub!: string | null;
}
