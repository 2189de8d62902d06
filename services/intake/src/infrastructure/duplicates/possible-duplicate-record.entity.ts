import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FingerprintKind } from '@reprisals/contracts';
import type { PossibleDuplicateStatus } from '../../domain/possible-duplicate';

/**
 * Two cases found to share fingerprints, once per pair whichever case found it: the kinds
 * matched, the pseudonyms of the victims that matched on each side, and an officer's decision.
 * Ids, codes and the officer's note (which must not name anyone) only.
 */
@Entity({ name: 'possible_duplicate' })
@Index('possible_duplicate_case', ['caseId'])
@Index('possible_duplicate_other_case', ['otherCaseId'])
export class PossibleDuplicateRecordEntity {
  @PrimaryColumn({ name: 'pair_id', type: 'uuid' })
  pairId!: string;

  /** The case whose screening found the pair (the later one). */
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'other_case_id', type: 'uuid' })
  otherCaseId!: string;

  @Column({ name: 'matched_on', type: 'text', array: true })
  matchedOn!: FingerprintKind[];

  @Column({ type: 'integer' })
  score!: number;

  @Column({ name: 'case_victims', type: 'text', array: true })
  caseVictims!: string[];

  @Column({ name: 'other_case_victims', type: 'text', array: true })
  otherCaseVictims!: string[];

  @Column({ type: 'text' })
  status!: PossibleDuplicateStatus;

  @Column({ name: 'found_at', type: 'timestamptz' })
  foundAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by_sub', type: 'text', nullable: true })
  decidedBySub!: string | null;

  @Column({ name: 'decided_by_entity', type: 'text', nullable: true })
  decidedByEntity!: string | null;

  /** The case whose lead decided (either of the two). */
  @Column({ name: 'decided_for_case_id', type: 'uuid', nullable: true })
  decidedForCaseId!: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  /** The officer's explanation, kept in intake; it must not name anyone. */
  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;

  @Column({ name: 'link_id', type: 'uuid', nullable: true })
  linkId!: string | null;
}
