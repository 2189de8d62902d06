import type { DataSource } from 'typeorm';
import { CaseConsentEntity, CaseProtectionEntity } from '@reprisals/case-access';
import { NO_CONSENT } from '@reprisals/contracts';
import { serviceSchemaOf } from '@reprisals/persistence';
import type { CaseForReport } from '../../domain/report-compilation/case-for-report';
import { ReportCaseEntity } from '../../infrastructure/persistence/report-case.entity';

type CaseRow = ReportCaseEntity & {
  publish: CaseForReport['publication'];
  withheld: boolean | null;
  includedIn: string[];
};

/**
 * The cases a cycle may report, in pages ordered by id: every case received by the end of its
 * period, with its current consent to publication (none recorded, or withdrawn: `no`) and its
 * protection flag, from reporting's own projections. Cases reporting knows only in part (their
 * reception not heard of yet) wait for the next compile.
 */
export async function* casesForReport(
  dataSource: DataSource,
  cycle: { id: string; kind: string; periodFrom: string; periodTo: string },
  pageSize = 500,
): AsyncGenerator<CaseForReport[]> {
  const { periodTo } = cycle;
  const schema = serviceSchemaOf(dataSource);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await dataSource
      .getRepository(ReportCaseEntity)
      .createQueryBuilder('report')
      // The page's bound on the joined tables too: without it PostgreSQL merge-joins them from
      // their first row on every page, and reading grows with the square of the cases.
      .leftJoin(CaseConsentEntity, 'consent', 'consent.caseId = report.caseId AND consent.caseId > :after')
      .leftJoin(
        CaseProtectionEntity,
        'protection',
        'protection.caseId = report.caseId AND protection.caseId > :after',
      )
      .select('report')
      .addSelect('COALESCE(consent.publish, :noPublication)', 'publish')
      .addSelect('protection.withheld', 'withheld')
      // The finalised reports of the same kind and of earlier periods that include the case (by
      // symbol, or by cycle id): a cycle overlapping this one, or a later one, does not make it a
      // follow-up here, nor does a President's briefing for the Secretary-General's report.
      .addSelect(
        `ARRAY(SELECT COALESCE(inclusion."symbol", inclusion."cycle_id"::text)
                 FROM "${schema}"."report_inclusion" inclusion
                 JOIN "${schema}"."reporting_cycle" earlier ON earlier."id" = inclusion."cycle_id"
                WHERE inclusion."case_id" = report.case_id AND inclusion."cycle_id" <> :cycleId
                  AND earlier."period_to" < :periodFrom AND earlier."kind" = :kind
                ORDER BY earlier."period_to", inclusion."cycle_id")`,
        'includedIn',
      )
      .setParameter('cycleId', cycle.id)
      .setParameter('periodFrom', cycle.periodFrom)
      .setParameter('kind', cycle.kind)
      .where('report.receivedOn <= :periodTo', { periodTo })
      .andWhere('report.stateConcerned IS NOT NULL')
      .andWhere('report.caseId > :after', { after })
      .orderBy('report.caseId')
      .limit(pageSize)
      .setParameter('noPublication', NO_CONSENT.publish)
      .getRawAndEntities();
    if (rows.entities.length === 0) return;
    yield rows.entities.map((entity, index) => {
      const raw = rows.raw[index] as Pick<CaseRow, 'publish' | 'withheld' | 'includedIn'>;
      return caseForReportOf({ ...entity, ...raw });
    });
    after = rows.entities.at(-1)!.caseId;
  }
}

/** How many cases a cycle may report: the compile job's 100 %. */
export async function countCasesForReport(dataSource: DataSource, periodTo: string): Promise<number> {
  return dataSource
    .getRepository(ReportCaseEntity)
    .createQueryBuilder('report')
    .where('report.receivedOn <= :periodTo', { periodTo })
    .andWhere('report.stateConcerned IS NOT NULL')
    .getCount();
}

function caseForReportOf(row: CaseRow): CaseForReport {
  return {
    caseId: row.caseId,
    reference: row.reference ?? '',
    stateConcerned: row.stateConcerned!,
    receivedOn: row.receivedOn!,
    victims: row.victims.map((victim) => ({ kind: victim.kind, profile: victim.profile })),
    acts: row.acts.map((act) => ({
      type: act.type,
      occurredOn: act.occurredOn,
      online: act.online,
      perpetrator: act.perpetrator,
    })),
    cooperation: row.mechanism && row.category ? { mechanism: row.mechanism, category: row.category } : null,
    scope: row.screeningScope === null ? null : row.screeningScope === 'in-scope' ? 'in' : 'out',
    verification:
      row.verificationOutcome && row.verificationConcludedOn
        ? { outcome: row.verificationOutcome, concludedOn: row.verificationConcludedOn }
        : null,
    publication: row.publish,
    protectionFlagged: row.withheld === true,
    actions: row.responseActions
      .filter((action) => action.type !== null && action.decidedOn !== null)
      .map((action) => ({ type: action.type!, status: action.status, decidedOn: action.decidedOn! })),
    stateReplies: row.stateReplies.map((reply) => ({ type: reply.type, receivedOn: reply.receivedOn })),
    includedIn: row.includedIn,
  };
}
