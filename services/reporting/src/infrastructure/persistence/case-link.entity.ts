import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A case's link to another case (CasesLinked): the step of its timeline that names the other
 * case, by id. Ids only; the reason and note of the link stay in intake.
 */
@Entity({ name: 'case_link' })
@Index('case_link_case', ['caseId'])
export class CaseLinkEntity {
  /** The CasesLinked event, which is also the case's timeline entry. */
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'linked_case_id', type: 'uuid' })
  linkedCaseId!: string;

  @Column({ name: 'link_id', type: 'uuid' })
  linkId!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
