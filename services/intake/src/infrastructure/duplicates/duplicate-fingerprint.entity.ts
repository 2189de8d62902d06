import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FingerprintKind } from '@reprisals/contracts';

/**
 * One fingerprint of one victim of a case: a keyed hash of a normalised identifier (see
 * domain/identifier-fingerprint.ts), never the identifier. Deleted when the case's personal data
 * is erased.
 */
@Entity({ name: 'duplicate_fingerprint' })
@Index('duplicate_fingerprint_match', ['keyId', 'kind', 'fingerprint'])
export class DuplicateFingerprintEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ name: 'victim_pseudonym', type: 'text' })
  victimPseudonym!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: FingerprintKind;

  /** HMAC-SHA-256 in hex. */
  @PrimaryColumn({ type: 'char', length: 64 })
  fingerprint!: string;

  /** Id of the key and normalisation that made it: only fingerprints of one key id are compared. */
  @Column({ name: 'key_id', type: 'text' })
  keyId!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
