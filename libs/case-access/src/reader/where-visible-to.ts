import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CaseAccessEntity } from '../persistence/case-access.entity';
import { CaseShareEntity } from '../persistence/case-share.entity';

/**
 * Restricts a list query to the cases `entity` leads or holds an accepted, unexpired share of,
 * in the service's own projection (two EXISTS sub-queries). `caseIdColumn` is the property (or
 * column) of `alias` that holds the case id:
 *
 * ```ts
 * const builder = repository.createQueryBuilder('overview');
 * whereVisibleTo(builder, 'overview', 'caseId', user.entity, clock.now());
 * ```
 */
export function whereVisibleTo<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  caseIdColumn: string,
  entity: string,
  now: Date,
): SelectQueryBuilder<T> {
  // Each call adds two parameters, so their count names this call's parameters and aliases apart.
  const suffix = String(Object.keys(qb.getParameters()).length);
  const entityParameter = `caseAccessEntity${suffix}`;
  const nowParameter = `caseAccessNow${suffix}`;
  const leadAlias = `case_access_lead${suffix}`;
  const shareAlias = `case_access_share${suffix}`;
  const caseId = `${alias}.${caseIdColumn}`;
  const leads = qb
    .subQuery()
    .select('1')
    .from(CaseAccessEntity, leadAlias)
    .where(`${leadAlias}.caseId = ${caseId}`)
    .andWhere(`${leadAlias}.leadEntity = :${entityParameter}`)
    .getQuery();
  const shares = qb
    .subQuery()
    .select('1')
    .from(CaseShareEntity, shareAlias)
    .where(`${shareAlias}.caseId = ${caseId}`)
    .andWhere(`${shareAlias}.entity = :${entityParameter}`)
    .andWhere(`${shareAlias}.status = 'accepted'`)
    .andWhere(`${shareAlias}.scope IS NOT NULL`)
    .andWhere(`(${shareAlias}.expiresAt IS NULL OR ${shareAlias}.expiresAt > :${nowParameter})`)
    .getQuery();
  return qb.andWhere(`(EXISTS ${leads} OR EXISTS ${shares})`, {
    [entityParameter]: entity,
    [nowParameter]: now,
  });
}
