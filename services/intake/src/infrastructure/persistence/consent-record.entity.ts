import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsentScopes } from '@reprisals/contracts';
import type { ConsentForm, ConsentGiver } from '../../domain/consent';

/** One version of a case's consent. Append-only: the table rejects UPDATE and DELETE. */
@Entity({ name: 'consent_record' })
export class ConsentRecordEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  kind!: 'recorded' | 'withdrawn';

  @Column({ name: 'raise_with_state', type: 'text' })
  raiseWithState!: ConsentScopes['raiseWithState'];

  @Column({ name: 'share_with_un_entities', type: 'text' })
  shareWithUnEntities!: ConsentScopes['shareWithUnEntities'];

  @Column({ type: 'text' })
  publish!: ConsentScopes['publish'];

  @Column({ name: 'given_by', type: 'text' })
  givenBy!: ConsentGiver;

  @Column({ name: 'given_on', type: 'date' })
  givenOn!: string;

  @Column({ type: 'text' })
  form!: ConsentForm;

  @Column({ name: 'recorded_by_sub', type: 'text' })
  recordedBySub!: string;

  @Column({ name: 'recorded_by_entity', type: 'text' })
  recordedByEntity!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
