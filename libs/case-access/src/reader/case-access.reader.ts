import type { DataSource, EntityManager } from 'typeorm';
import {
  decideCaseAccess,
  isShareInForce,
  NO_CASE_ACCESS,
  type CaseAccess,
} from '../domain/case-access.decision';
import { CaseAccessEntity } from '../persistence/case-access.entity';
import { CaseShareEntity } from '../persistence/case-share.entity';

/** The access of one entity to one case, and the case's lead when the entity may know it. */
export type CaseAccessView = CaseAccess & { leadEntity?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Answers, from the service's own projection, whether an entity may see a case. A controller
 * answers 404 when `visible` is false: a case's existence is itself confidential.
 */
export class CaseAccessReader {
  async accessOf(
    source: EntityManager | DataSource,
    caseId: string,
    entity: string,
    now: Date,
  ): Promise<CaseAccessView> {
    if (!UUID.test(caseId)) return NO_CASE_ACCESS;
    const lead = await source.getRepository(CaseAccessEntity).findOneBy({ caseId });
    if (!lead) return NO_CASE_ACCESS;
    const shares =
      lead.leadEntity === entity
        ? []
        : await source.getRepository(CaseShareEntity).findBy({ caseId, entity });
    const access = decideCaseAccess({ entity, now }, { leadEntity: lead.leadEntity, shares });
    return access.visible ? { ...access, leadEntity: lead.leadEntity } : access;
  }

  /** Every entity that sees the case at `now`: the lead first, then the holders of shares in force. */
  async entitiesThatSee(source: EntityManager | DataSource, caseId: string, now: Date): Promise<string[]> {
    if (!UUID.test(caseId)) return [];
    const lead = await source.getRepository(CaseAccessEntity).findOneBy({ caseId });
    if (!lead) return [];
    const shares = await source.getRepository(CaseShareEntity).findBy({ caseId, status: 'accepted' });
    const sharing = shares
      .filter((share) => isShareInForce(share, now))
      .map((share) => share.entity)
      .filter((code) => code !== lead.leadEntity)
      .sort();
    return [lead.leadEntity, ...new Set(sharing)];
  }
}
