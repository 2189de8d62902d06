import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A source of a case: how and when it reported, and its rating, in clear; who it is, sealed. */
@Entity({ name: 'source_record' })
export class SourceRecordEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'text' })
  pseudonym!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  @Column({ type: 'text' })
  relation!: string;

  @Column({ type: 'text' })
  reliability!: string;

  /** Name and contact, sealed with the case's data key. */
  @Column({ name: 'sealed_identity', type: 'text' })
  sealedIdentity!: string;
}
