import type { EntityManager } from 'typeorm';
import { CaseOverviewEntity } from '../../infrastructure/persistence/case-overview.entity';

type OverviewFacts = Pick<CaseOverviewEntity, 'caseId' | 'reference' | 'stateConcerned' | 'leadEntity'> &
  Partial<Pick<CaseOverviewEntity, 'receivedVia' | 'receivedOn' | 'stage' | 'protocolVersion'>>;

/**
 * Merges what one event says about a case into its overview. Events of one case come from
 * several topics in no guaranteed order, so each writes only the columns it knows, and the
 * overview's last update is the latest time one of its events occurred (not the time it was
 * projected: a rebuild from the events gives the same overview).
 */
export async function mergeCaseOverview(
  manager: EntityManager,
  facts: OverviewFacts,
  occurredAt: Date,
): Promise<void> {
  const known = Object.entries(facts).filter(([, value]) => value !== undefined);
  const columns = known.map(([key]) => toColumnName(key)).filter((column) => column !== 'case_id');
  await manager
    .createQueryBuilder()
    .insert()
    .into(CaseOverviewEntity)
    .values({ ...facts, updatedAt: occurredAt })
    .orUpdate(columns, ['case_id'])
    .execute();
  await manager
    .createQueryBuilder()
    .update(CaseOverviewEntity)
    .set({ updatedAt: () => 'GREATEST("updated_at", :occurredAt)' })
    .where('caseId = :caseId', { caseId: facts.caseId })
    .setParameter('occurredAt', occurredAt)
    .execute();
}

function toColumnName(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
