import type { EntityManager } from 'typeorm';
import type { FingerprintKind } from '@reprisals/contracts';
import { serviceSchemaOf } from '@reprisals/persistence';
import type { Fingerprint } from '../../domain/identifier-fingerprint';
import { DuplicateFingerprintEntity } from './duplicate-fingerprint.entity';

/** First key of the advisory locks taken on fingerprints (the second is drawn from the fingerprint). */
const FINGERPRINT_LOCK_SPACE = 0x44_55_50_53;

/**
 * Serialises, until the end of the caller's transaction, the screenings that write or look for
 * these fingerprints: of two cases recorded or changed at once with a shared identifier, the one
 * that commits second sees the first's fingerprints. Locks are taken in one order: no deadlock
 * between screenings.
 */
export async function lockFingerprints(
  manager: EntityManager,
  fingerprints: readonly string[],
): Promise<void> {
  const keys = [...new Set(fingerprints.map((value) => Number.parseInt(value.slice(0, 8), 16) | 0))];
  if (keys.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock($1, ordered.key)
       FROM (SELECT key FROM unnest($2::int[]) AS key ORDER BY key) AS ordered`,
    [FINGERPRINT_LOCK_SPACE, keys],
  );
}

/** Replaces the fingerprints of the given victims of a case with these. */
export async function replaceVictimFingerprints(
  manager: EntityManager,
  caseId: string,
  victims: ReadonlyArray<{ pseudonym: string; fingerprints: readonly Fingerprint[] }>,
  keyId: string,
  now: Date,
): Promise<void> {
  if (victims.length === 0) return;
  const repository = manager.getRepository(DuplicateFingerprintEntity);
  await repository
    .createQueryBuilder()
    .delete()
    .where('case_id = :caseId AND victim_pseudonym IN (:...pseudonyms)', {
      caseId,
      pseudonyms: victims.map((victim) => victim.pseudonym),
    })
    .execute();
  const rows = victims.flatMap(({ pseudonym, fingerprints }) =>
    fingerprints.map((fingerprint) => ({
      caseId,
      victimPseudonym: pseudonym,
      kind: fingerprint.kind,
      fingerprint: fingerprint.value,
      keyId,
      recordedAt: now,
    })),
  );
  if (rows.length > 0) await repository.createQueryBuilder().insert().values(rows).orIgnore().execute();
}

/** Deletes the fingerprints of a case, or of some of its victims. */
export async function deleteFingerprints(
  manager: EntityManager,
  caseId: string,
  pseudonyms?: readonly string[],
): Promise<void> {
  if (pseudonyms !== undefined && pseudonyms.length === 0) return;
  const repository = manager.getRepository(DuplicateFingerprintEntity);
  const chosen = repository
    .createQueryBuilder('fingerprint')
    .where('fingerprint.caseId = :caseId', { caseId });
  if (pseudonyms !== undefined) {
    chosen.andWhere('fingerprint.victimPseudonym IN (:...pseudonyms)', { pseudonyms: [...pseudonyms] });
  }
  // The same locks a screening takes: no screening running now can still match what is deleted.
  await lockFingerprints(
    manager,
    (await chosen.getMany()).map((row) => row.fingerprint),
  );
  const builder = repository.createQueryBuilder().delete().where('case_id = :caseId', { caseId });
  if (pseudonyms !== undefined) {
    builder.andWhere('victim_pseudonym IN (:...pseudonyms)', { pseudonyms: [...pseudonyms] });
  }
  await builder.execute();
}

/** Another case sharing fingerprints with the case: which kinds, and which victims on each side. */
export interface CaseMatch {
  otherCaseId: string;
  kinds: FingerprintKind[];
  /** Pseudonyms of the case's victims that matched. */
  victims: string[];
  /** Pseudonyms of the other case's victims that matched. */
  otherVictims: string[];
  /** When the other case's matching fingerprints were recorded (the latest). */
  recordedAt: Date;
}

/**
 * Every other case, of any entity, that shares a fingerprint (under this key id) with the case:
 * one row per other case.
 */
export async function caseMatchesOf(
  manager: EntityManager,
  caseId: string,
  keyId: string,
): Promise<CaseMatch[]> {
  const table = `"${serviceSchemaOf(manager.connection)}"."duplicate_fingerprint"`;
  const rows = await manager.query<Array<Omit<CaseMatch, 'recordedAt'> & { recordedAt: Date | string }>>(
    `SELECT theirs."case_id" AS "otherCaseId",
            array_agg(DISTINCT mine."kind") AS "kinds",
            array_agg(DISTINCT mine."victim_pseudonym") AS "victims",
            array_agg(DISTINCT theirs."victim_pseudonym") AS "otherVictims",
            max(theirs."recorded_at") AS "recordedAt"
       FROM ${table} mine
       JOIN ${table} theirs
         ON theirs."key_id" = mine."key_id" AND theirs."kind" = mine."kind"
        AND theirs."fingerprint" = mine."fingerprint" AND theirs."case_id" <> mine."case_id"
      WHERE mine."case_id" = $1 AND mine."key_id" = $2
      GROUP BY theirs."case_id"`,
    [caseId, keyId],
  );
  return rows.map((row) => ({ ...row, recordedAt: new Date(row.recordedAt) }));
}
