import type { EntityManager } from 'typeorm';
import type { ProtectionFlagVersion } from '../../domain/protection-risk';
import { ProtectionFlagRecordEntity } from './protection-flag-record.entity';

export async function currentProtectionFlagOf(
  manager: EntityManager,
  caseId: string,
): Promise<ProtectionFlagVersion | undefined> {
  const row = await manager
    .getRepository(ProtectionFlagRecordEntity)
    .findOne({ where: { caseId }, order: { version: 'DESC' } });
  return row ? toVersion(row) : undefined;
}

export async function protectionFlagHistoryOf(
  manager: EntityManager,
  caseId: string,
): Promise<Array<ProtectionFlagVersion & { byEntity: string }>> {
  const rows = await manager
    .getRepository(ProtectionFlagRecordEntity)
    .find({ where: { caseId }, order: { version: 'ASC' } });
  return rows.map((row) => ({ ...toVersion(row), byEntity: row.byEntity }));
}

export async function appendProtectionFlagVersion(
  manager: EntityManager,
  version: ProtectionFlagVersion,
  by: { sub: string; entity: string; note: string },
): Promise<void> {
  await manager.getRepository(ProtectionFlagRecordEntity).insert({
    ...version,
    note: by.note,
    bySub: by.sub,
    byEntity: by.entity,
  });
}

function toVersion(row: ProtectionFlagRecordEntity): ProtectionFlagVersion {
  return {
    caseId: row.caseId,
    version: row.version,
    kind: row.kind,
    level: row.level,
    reason: row.reason,
    at: row.at,
  };
}
