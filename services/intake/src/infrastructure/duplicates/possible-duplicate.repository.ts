import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { FingerprintKind } from '@reprisals/contracts';
import { duplicateScore, matchedKinds } from '../../domain/possible-duplicate';
import { AllegationEntity } from '../persistence/allegation.entity';
import { PossibleDuplicateRecordEntity } from './possible-duplicate-record.entity';

/** Another case found to share fingerprints with the screened one. */
export interface FoundMatch {
  otherCaseId: string;
  kinds: readonly FingerprintKind[];
  caseVictims: readonly string[];
  otherCaseVictims: readonly string[];
}

/**
 * `found`: a new pair; `widened`: an open pair now matching on more kinds or victims;
 * `unchanged`: nothing new, or the pair was already decided (a decision stands).
 */
export interface PairOutcome {
  otherCaseId: string;
  outcome: 'found' | 'widened' | 'unchanged';
  matchedOn: FingerprintKind[];
}

/**
 * Records that the case shares fingerprints with each of these cases, once per pair whichever
 * case found it: new pairs are inserted together, open ones widened, decided ones left alone.
 */
export async function recordPossibleDuplicates(
  manager: EntityManager,
  caseId: string,
  matches: readonly FoundMatch[],
  now: Date,
): Promise<PairOutcome[]> {
  if (matches.length === 0) return [];
  const repository = manager.getRepository(PossibleDuplicateRecordEntity);
  const otherIds = matches.map((match) => match.otherCaseId);
  const existing = await repository
    .createQueryBuilder('pair')
    .setLock('pessimistic_write')
    .where('pair.caseId = :caseId AND pair.otherCaseId IN (:...otherIds)', { caseId, otherIds })
    .orWhere('pair.otherCaseId = :caseId AND pair.caseId IN (:...otherIds)', { caseId, otherIds })
    .getMany();
  const byOther = new Map(
    existing.map((pair) => [pair.caseId === caseId ? pair.otherCaseId : pair.caseId, pair]),
  );
  const outcomes: PairOutcome[] = [];
  const inserts: PossibleDuplicateRecordEntity[] = [];
  for (const match of matches) {
    const pair = byOther.get(match.otherCaseId);
    if (!pair) {
      const matchedOn = matchedKinds(match.kinds);
      inserts.push({
        pairId: randomUUID(),
        caseId,
        otherCaseId: match.otherCaseId,
        matchedOn,
        score: duplicateScore(matchedOn),
        caseVictims: sorted(match.caseVictims),
        otherCaseVictims: sorted(match.otherCaseVictims),
        status: 'open',
        foundAt: now,
        updatedAt: now,
        decidedAt: null,
        decidedBySub: null,
        decidedByEntity: null,
        decidedForCaseId: null,
        decisionReason: null,
        decisionNote: null,
        linkId: null,
      });
      continue;
    }
    const sameSide = pair.caseId === caseId;
    const caseVictims = sorted([
      ...pair.caseVictims,
      ...(sameSide ? match.caseVictims : match.otherCaseVictims),
    ]);
    const otherCaseVictims = sorted([
      ...pair.otherCaseVictims,
      ...(sameSide ? match.otherCaseVictims : match.caseVictims),
    ]);
    const matchedOn = matchedKinds([...pair.matchedOn, ...match.kinds]);
    const widened =
      matchedOn.length !== pair.matchedOn.length ||
      caseVictims.length !== pair.caseVictims.length ||
      otherCaseVictims.length !== pair.otherCaseVictims.length;
    if (pair.status !== 'open' || !widened) {
      outcomes.push({ otherCaseId: match.otherCaseId, outcome: 'unchanged', matchedOn: pair.matchedOn });
      continue;
    }
    await repository.update(
      { pairId: pair.pairId },
      { matchedOn, score: duplicateScore(matchedOn), caseVictims, otherCaseVictims, updatedAt: now },
    );
    outcomes.push({ otherCaseId: match.otherCaseId, outcome: 'widened', matchedOn });
  }
  if (inserts.length > 0) {
    // A pair another transaction recorded first (the unique index on the pair) is left to it.
    const inserted = await repository
      .createQueryBuilder()
      .insert()
      .values(inserts)
      .orIgnore()
      .returning('"pair_id"')
      .execute();
    const insertedIds = new Set((inserted.raw as Array<{ pair_id: string }>).map((row) => row.pair_id));
    for (const pair of inserts) {
      outcomes.push({
        otherCaseId: pair.otherCaseId,
        outcome: insertedIds.has(pair.pairId) ? 'found' : 'unchanged',
        matchedOn: pair.matchedOn,
      });
    }
  }
  return outcomes;
}

/** The pair of two cases, in either order, locked for the rest of the caller's transaction. */
export async function loadPairForUpdate(
  manager: EntityManager,
  caseId: string,
  otherCaseId: string,
): Promise<PossibleDuplicateRecordEntity | undefined> {
  const row = await manager
    .getRepository(PossibleDuplicateRecordEntity)
    .createQueryBuilder('pair')
    .setLock('pessimistic_write')
    .where(
      '(pair.caseId = :caseId AND pair.otherCaseId = :otherCaseId) OR (pair.caseId = :otherCaseId AND pair.otherCaseId = :caseId)',
      { caseId, otherCaseId },
    )
    .getOne();
  return row ?? undefined;
}

/** A pair as seen from one of its cases: the other case by id, reference and current lead. */
export interface PairFromCase {
  pair: PossibleDuplicateRecordEntity;
  otherCaseId: string;
  otherReference: string;
  otherLeadEntity: string;
  /** This case's victims (pseudonyms) that matched. */
  victims: string[];
}

/** Every pair a case belongs to, the most likely first. */
export async function possibleDuplicatesOf(
  source: DataSource | EntityManager,
  caseId: string,
): Promise<PairFromCase[]> {
  const pairs = await source
    .getRepository(PossibleDuplicateRecordEntity)
    .createQueryBuilder('pair')
    .where('pair.caseId = :caseId OR pair.otherCaseId = :caseId', { caseId })
    .orderBy('pair.score', 'DESC')
    .addOrderBy('pair.foundAt', 'DESC')
    .addOrderBy('pair.pairId', 'ASC')
    .getMany();
  const otherIds = pairs.map((pair) => (pair.caseId === caseId ? pair.otherCaseId : pair.caseId));
  const others =
    otherIds.length === 0
      ? []
      : await source
          .getRepository(AllegationEntity)
          .createQueryBuilder('allegation')
          .select(['allegation.id', 'allegation.reference', 'allegation.leadEntity'])
          .where('allegation.id IN (:...ids)', { ids: otherIds })
          .getMany();
  const byId = new Map(others.map((other) => [other.id, other]));
  return pairs.flatMap((pair) => {
    const fromCase = pair.caseId === caseId;
    const other = byId.get(fromCase ? pair.otherCaseId : pair.caseId);
    if (!other) return [];
    return [
      {
        pair,
        otherCaseId: other.id,
        otherReference: other.reference,
        otherLeadEntity: other.leadEntity,
        victims: fromCase ? pair.caseVictims : pair.otherCaseVictims,
      },
    ];
  });
}

function sorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
