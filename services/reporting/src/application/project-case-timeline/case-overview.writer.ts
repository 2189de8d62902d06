import type { EntityManager } from 'typeorm';
import { CaseOverviewEntity } from '../../infrastructure/persistence/case-overview.entity';

type OverviewFacts = Pick<CaseOverviewEntity, 'caseId' | 'reference' | 'stateConcerned' | 'leadEntity'> &
  Partial<Pick<CaseOverviewEntity, 'receivedVia' | 'receivedOn' | 'stage' | 'protocolVersion'>>;

/**
 * Merges what one event says about a case into its overview. Events of one case come from
 * several topics in no guaranteed order, so each writes only the columns it knows.
 */
export async function mergeCaseOverview(
  manager: EntityManager,
  facts: OverviewFacts,
  now: Date,
): Promise<void> {
  const known = Object.entries(facts).filter(([, value]) => value !== undefined);
  const columns = known.map(([key]) => key as keyof OverviewFacts);
  await manager
    .createQueryBuilder()
    .insert()
    .into(CaseOverviewEntity)
    .values({ ...facts, updatedAt: now })
    .orUpdate(
      [...columns.filter((column) => column !== 'caseId').map(toColumnName), 'updated_at'],
      ['case_id'],
    )
    .execute();
}

function toColumnName(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
