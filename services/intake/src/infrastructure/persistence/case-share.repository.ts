import type { EntityManager } from 'typeorm';
import type { CaseShare } from '../../domain/case-share';
import { AllegationEntity } from './allegation.entity';
import { CaseShareRecordEntity } from './case-share-record.entity';

/** Loads a share of a case, locked for the rest of the caller's transaction. */
export async function loadShareForUpdate(
  manager: EntityManager,
  caseId: string,
  shareId: string,
): Promise<CaseShare | undefined> {
  const row = await manager
    .getRepository(CaseShareRecordEntity)
    .createQueryBuilder('share')
    .setLock('pessimistic_write')
    .where('share.shareId = :shareId AND share.caseId = :caseId', { shareId, caseId })
    .getOne();
  return row ? toCaseShare(row) : undefined;
}

export async function saveShareStatus(manager: EntityManager, share: CaseShare, now: Date): Promise<void> {
  await manager
    .getRepository(CaseShareRecordEntity)
    .update({ shareId: share.shareId }, { status: share.status, updatedAt: now });
}

export function toCaseShare(row: CaseShareRecordEntity): CaseShare {
  return {
    shareId: row.shareId,
    caseId: row.caseId,
    leadEntity: row.leadEntity,
    entity: row.entity,
    scope: row.scope,
    expiresAt: row.expiresAt,
    consentBasis: row.consentBasis,
    status: row.status,
  };
}

/**
 * Serialises every command on one case (see ADR 2: per-case order of events). NO KEY UPDATE:
 * commands on the case wait for each other, while rows of other cases that merely refer to it
 * (a possible-duplicate pair, found while this case is being erased) are not blocked, which
 * would otherwise deadlock against the fingerprint locks those writers hold.
 */
export async function lockCase(manager: EntityManager, caseId: string): Promise<boolean> {
  const schema = (manager.connection.options as { schema?: string }).schema ?? 'intake';
  const rows = await manager.query<Array<{ id: string }>>(
    `SELECT "id" FROM "${schema}"."allegation" WHERE "id" = $1 FOR NO KEY UPDATE`,
    [caseId],
  );
  return rows.length === 1;
}

/** The entity that leads the case now (intake's own record, moved by accepted transfers). */
export async function currentLeadOf(manager: EntityManager, caseId: string): Promise<string | undefined> {
  const row = await manager
    .getRepository(AllegationEntity)
    .findOne({ where: { id: caseId }, select: { leadEntity: true } });
  return row?.leadEntity;
}

/** Shares that rest on the victim's consent and still give (or offer) the case to an entity. */
export async function liveConsentBasedSharesOf(manager: EntityManager, caseId: string): Promise<CaseShare[]> {
  const rows = await manager
    .getRepository(CaseShareRecordEntity)
    .createQueryBuilder('share')
    .setLock('pessimistic_write')
    .where('share.caseId = :caseId', { caseId })
    .andWhere("share.consentBasis = 'consent'")
    .andWhere("share.status IN ('offered', 'accepted')")
    .orderBy('share.offeredAt', 'ASC')
    .getMany();
  return rows.map(toCaseShare);
}
