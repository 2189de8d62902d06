import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsentScopes } from '@reprisals/contracts';

/** What consent allows for a case now, as this service's projection of the intake events knows it. */
@Entity({ name: 'case_consent' })
export class CaseConsentEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** The consent version applied; a later version always wins, whatever the arrival order. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'raise_with_state', type: 'text' })
  raiseWithState!: ConsentScopes['raiseWithState'];

  @Column({ name: 'share_with_un_entities', type: 'text' })
  shareWithUnEntities!: ConsentScopes['shareWithUnEntities'];

  @Column({ type: 'text' })
  publish!: ConsentScopes['publish'];

  @Column({ type: 'boolean' })
  withdrawn!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
