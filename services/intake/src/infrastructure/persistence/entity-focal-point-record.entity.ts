import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person (token subject) designated to answer the shares offered to an entity. */
@Entity({ name: 'entity_focal_point' })
export class EntityFocalPointRecordEntity {
  @PrimaryColumn({ name: 'entity_code', type: 'text' })
  entityCode!: string;

  @PrimaryColumn({ type: 'text' })
  sub!: string;

  @Column({ name: 'designated_by_sub', type: 'text' })
  designatedBySub!: string;

  @Column({ name: 'designated_at', type: 'timestamptz' })
  designatedAt!: Date;
}
