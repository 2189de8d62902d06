import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A victim of a case: pseudonym and non-identifying facts in clear, the identity sealed. */
@Entity({ name: 'victim_record' })
export class VictimRecordEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'text' })
  pseudonym!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  kind!: 'individual' | 'organisation';

  @Column({ type: 'text', nullable: true })
  profile!: string | null;

  @Column({ type: 'text', nullable: true })
  gender!: string | null;

  @Column({ name: 'age_group', type: 'text', nullable: true })
  ageGroup!: string | null;

  @Column({ name: 'organisation_type', type: 'text', nullable: true })
  organisationType!: string | null;

  /** Name, aliases and contact, sealed with the case's data key. */
  @Column({ name: 'sealed_identity', type: 'text' })
  sealedIdentity!: string;
}
