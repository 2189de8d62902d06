import type { DataSource } from 'typeorm';
import { CaseConsentEntity } from '@reprisals/case-access';
import { NO_CONSENT } from '@reprisals/contracts';
import type { CountedCase } from '../../domain/statistics/statistics-dimensions';
import { ReportCaseEntity } from '../../infrastructure/persistence/report-case.entity';
import type { DayPeriod } from '@reprisals/service-platform';

interface CountedRow {
  year: number;
  stateConcerned: string;
  victims: CountedCase['victims'];
  acts: CountedCase['acts'];
  mechanism: string | null;
  category: string | null;
  publish: CountedCase['publish'];
  verificationOutcome: string | null;
  responseActions: CountedCase['responseActions'];
  communicationsSent: number;
  deadlinesMissed: number;
  firstReplyType: string | null;
}

/**
 * Every case received on a day of the period, as statistics count it, with the current consent
 * to publish it from the case-access projection (none recorded, or withdrawn: `no`). Cases whose
 * reception reporting has not heard of yet are not counted.
 */
export async function casesReceivedInPeriod(
  dataSource: DataSource,
  period: DayPeriod,
): Promise<CountedCase[]> {
  const rows = await dataSource
    .getRepository(ReportCaseEntity)
    .createQueryBuilder('report')
    .leftJoin(CaseConsentEntity, 'consent', 'consent.caseId = report.caseId')
    .select('report.receivedYear', 'year')
    .addSelect('report.stateConcerned', 'stateConcerned')
    .addSelect('report.victims', 'victims')
    .addSelect('report.acts', 'acts')
    .addSelect('report.mechanism', 'mechanism')
    .addSelect('report.category', 'category')
    .addSelect('COALESCE(consent.publish, :noPublication)', 'publish')
    .addSelect('report.verificationOutcome', 'verificationOutcome')
    .addSelect('report.responseActions', 'responseActions')
    .addSelect('report.communicationsSent', 'communicationsSent')
    .addSelect('report.deadlinesMissed', 'deadlinesMissed')
    .addSelect('report.firstReplyType', 'firstReplyType')
    .where('report.receivedOn BETWEEN :from AND :to', { from: period.from, to: period.to })
    .setParameter('noPublication', NO_CONSENT.publish)
    .getRawMany<CountedRow>();
  return rows.map((row) => ({
    year: Number(row.year),
    stateConcerned: row.stateConcerned,
    victims: row.victims,
    acts: row.acts,
    mechanism: row.mechanism,
    category: row.category,
    publish: row.publish,
    verificationOutcome: row.verificationOutcome,
    responseActions: row.responseActions,
    communicationsSent: Number(row.communicationsSent),
    deadlinesMissed: Number(row.deadlinesMissed),
    firstReplyType: row.firstReplyType,
  }));
}
