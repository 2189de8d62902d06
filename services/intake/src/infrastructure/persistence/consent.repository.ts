import type { EntityManager } from 'typeorm';
import type { ConsentVersion } from '../../domain/consent';
import { ConsentRecordEntity } from './consent-record.entity';

/** The version in force: the latest one. */
export async function currentConsentOf(
  manager: EntityManager,
  caseId: string,
): Promise<ConsentVersion | undefined> {
  const row = await manager
    .getRepository(ConsentRecordEntity)
    .findOne({ where: { caseId }, order: { version: 'DESC' } });
  return row ? toConsentVersion(row) : undefined;
}

/** Every version, oldest first. */
export async function consentHistoryOf(manager: EntityManager, caseId: string): Promise<ConsentVersion[]> {
  const rows = await manager
    .getRepository(ConsentRecordEntity)
    .find({ where: { caseId }, order: { version: 'ASC' } });
  return rows.map(toConsentVersion);
}

export async function appendConsentVersion(
  manager: EntityManager,
  version: ConsentVersion,
  recordedBy: { sub: string; entity: string },
): Promise<void> {
  await manager.getRepository(ConsentRecordEntity).insert({
    caseId: version.caseId,
    version: version.version,
    kind: version.kind,
    ...version.scopes,
    givenBy: version.givenBy,
    givenOn: version.givenOn,
    form: version.form,
    recordedBySub: recordedBy.sub,
    recordedByEntity: recordedBy.entity,
    recordedAt: version.recordedAt,
  });
}

function toConsentVersion(row: ConsentRecordEntity): ConsentVersion {
  return {
    caseId: row.caseId,
    version: row.version,
    kind: row.kind,
    scopes: {
      raiseWithState: row.raiseWithState,
      shareWithUnEntities: row.shareWithUnEntities,
      publish: row.publish,
    },
    givenBy: row.givenBy,
    givenOn: row.givenOn,
    form: row.form,
    recordedAt: row.recordedAt,
  };
}
