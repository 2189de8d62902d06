/**
 * GET /reporting/statistics as its controller answers it (cases read, counted by the dimensions
 * asked, small counts hidden), without HTTP. Baseline: the same counts (groups, years and total,
 * before small counts are hidden) by one SQL statement over the same tables, multi-valued
 * dimensions unfolded with jsonb_array_elements and each case counted once per group.
 */
import type { IncomingMessage } from 'node:http';
import type { AuditTrail } from '@reprisals/audit';
import { SystemClock } from '@reprisals/kernel';
import type { ActingUser } from '@reprisals/security';
import type { Measurement } from '../bench-report';
import { progress } from '../bench-report';
import { casesReceivedInPeriod } from '../../services/reporting/src/application/read-statistics/cases-received-in-period.reader';
import {
  ReadStatisticsController,
  type StatisticsView,
} from '../../services/reporting/src/application/read-statistics/read-statistics.controller';
import { countCases } from '../../services/reporting/src/domain/statistics/case-counts';
import type { StatisticsDimension } from '../../services/reporting/src/domain/statistics/statistics-dimensions';
import { captureQueries, explainSelects } from './query-plans';
import type { ReportingService } from './reporting-service';

export interface StatisticsFigures {
  groupBy: StatisticsDimension[];
  groups: number;
  ours: Measurement;
  baseline: Measurement;
  baselineAgrees: boolean;
  plans?: string;
}

const READER: ActingUser = {
  sub: 'bench-reader',
  entity: 'OHCHR',
  role: 'reporting-analyst',
  roles: ['reporting-analyst'],
  permission: 'statistics:read',
  policyVersion: 'access/v1',
};

type Subject = 'case' | 'victim' | 'act' | 'action';

/**
 * Each dimension the benchmark groups by, as SQL: the subject it unfolds (if any) and the value,
 * as the domain names it.
 */
const DIMENSION_SQL: Partial<Record<StatisticsDimension, { subject: Subject; value: string }>> = {
  state: { subject: 'case', value: 'report.state_concerned' },
  year: { subject: 'case', value: 'report.received_year::text' },
  mechanism: { subject: 'case', value: `COALESCE(report.mechanism, 'not-recorded')` },
  category: { subject: 'case', value: `COALESCE(report.category, 'not-recorded')` },
  anonymity: { subject: 'case', value: `COALESCE(consent.publish, 'no')` },
  verificationOutcome: { subject: 'case', value: `COALESCE(report.verification_outcome, 'pending')` },
  replyStatus: {
    subject: 'case',
    value: `CASE WHEN report.first_reply_type IS NOT NULL THEN 'replied'
                 WHEN report.deadlines_missed > 0 THEN 'deadline-missed'
                 WHEN report.communications_sent > 0 THEN 'awaiting' ELSE 'none' END`,
  },
  victimKind: { subject: 'victim', value: `COALESCE(victim->>'kind', 'not-recorded')` },
  gender: {
    subject: 'victim',
    value: `CASE WHEN victim IS NULL THEN 'not-recorded' WHEN victim->>'kind' = 'organisation' THEN 'not-applicable'
                 ELSE COALESCE(victim->>'gender', 'not-recorded') END`,
  },
  profile: {
    subject: 'victim',
    value: `CASE WHEN victim IS NULL THEN 'not-recorded' WHEN victim->>'kind' = 'organisation' THEN 'not-applicable'
                 ELSE COALESCE(victim->>'profile', 'not-recorded') END`,
  },
  actType: { subject: 'act', value: `COALESCE(act->>'type', 'not-recorded')` },
  online: {
    subject: 'act',
    value: `CASE WHEN act IS NULL THEN 'not-recorded' WHEN (act->>'online')::boolean THEN 'online' ELSE 'offline' END`,
  },
  perpetrator: { subject: 'act', value: `COALESCE(act->>'perpetrator', 'not-recorded')` },
  responseAction: { subject: 'action', value: `COALESCE(action.type, 'none')` },
};

const UNFOLD: Record<Exclude<Subject, 'case'>, string> = {
  victim: 'LEFT JOIN LATERAL jsonb_array_elements(report.victims) victim ON TRUE',
  act: 'LEFT JOIN LATERAL jsonb_array_elements(report.acts) act ON TRUE',
  action: `LEFT JOIN LATERAL (SELECT item->>'type' AS type FROM jsonb_array_elements(report.response_actions) item
                               WHERE item->>'type' IS NOT NULL AND item->>'status' <> 'cancelled') action ON TRUE`,
};

/**
 * Groups, years and total in one statement: the case's values (multi-valued ones unfolded, each
 * combination kept once per case), counted per group; the years and the total from the cases.
 */
export function statisticsSql(groupBy: readonly StatisticsDimension[]): string {
  const sqlOf = (dimension: StatisticsDimension) => {
    const sql = DIMENSION_SQL[dimension];
    if (!sql) throw new Error(`the baseline has no SQL for the dimension ${dimension}`);
    return sql;
  };
  const unfolded = [...new Set(groupBy.map((dimension) => sqlOf(dimension).subject))].filter(
    (subject): subject is Exclude<Subject, 'case'> => subject !== 'case',
  );
  const columns = groupBy.map((_, index) => `d${index}`);
  const values = groupBy.map((dimension, index) => `${sqlOf(dimension).value} AS d${index}`);
  const inPeriod = 'report.received_on BETWEEN $1 AND $2';
  const groups =
    groupBy.length === 0
      ? ''
      : `SELECT 'group' AS kind, NULL::smallint AS year, ${columns.join(', ')}, count(*) AS cases
           FROM (SELECT ${unfolded.length > 0 ? 'DISTINCT report.case_id, ' : ''}${values.join(', ')}
                   FROM reporting.report_case report
                   LEFT JOIN reporting.case_consent consent ON consent.case_id = report.case_id
                   ${unfolded.map((subject) => UNFOLD[subject]).join('\n                   ')}
                  WHERE ${inPeriod}) counted
          GROUP BY ${columns.join(', ')}
         UNION ALL `;
  const nothing = columns.map(() => 'NULL').join(', ');
  return `${groups}
    SELECT CASE WHEN GROUPING(report.received_year) = 1 THEN 'total' ELSE 'year' END AS kind,
           report.received_year AS year, ${nothing}${columns.length > 0 ? ', ' : ''}count(*) AS cases
      FROM reporting.report_case report
     WHERE ${inPeriod}
     GROUP BY GROUPING SETS ((report.received_year), ())`;
}

interface SqlRow {
  kind: 'group' | 'year' | 'total';
  year: number | null;
  cases: string;
  [dimension: `d${number}`]: string;
}

export async function benchStatistics(
  service: ReportingService,
  options: { runs: number; from: string; to: string; groupings: StatisticsDimension[][]; explain: boolean },
): Promise<StatisticsFigures[]> {
  // JSON reads are not audited: no trail is needed for them.
  const noTrail = {} as AuditTrail;
  const controller = new ReadStatisticsController(
    service.dataSource,
    new SystemClock(),
    { threshold: 5 },
    noTrail,
  );
  const figures: StatisticsFigures[] = [];
  for (const groupBy of options.groupings) {
    const query = { from: options.from, to: options.to, groupBy, format: 'json' as const };
    let view: StatisticsView | undefined;
    const ours: number[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      global.gc?.();
      const started = process.hrtime.bigint();
      view = (await controller.read(query, READER, { headers: {} } as IncomingMessage)) as StatisticsView;
      ours.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const sql = statisticsSql(groupBy);
    const baseline: number[] = [];
    let rows: SqlRow[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      const started = process.hrtime.bigint();
      rows = await service.dataSource.query<SqlRow[]>(sql, [options.from, options.to]);
      baseline.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const baselineAgrees = await agrees(service, options, groupBy, rows);
    const label = groupBy.length > 0 ? groupBy.join(',') : '(none)';
    // The reader's statement is the same for every grouping: explained once, with the baseline's.
    const plans =
      options.explain && figures.length === 0
        ? await explainSelects(service.dataSource, [
            ...(await captureQueries(service.dataSource, () =>
              controller.read(query, READER, { headers: {} } as IncomingMessage),
            )),
            { sql, parameters: [options.from, options.to] },
          ])
        : options.explain
          ? await explainSelects(service.dataSource, [{ sql, parameters: [options.from, options.to] }])
          : undefined;
    figures.push({
      ...(plans ? { plans } : {}),
      groupBy,
      groups: view!.groups.length,
      ours: { name: `statistics controller, groupBy=${label}`, operations: 1, milliseconds: median(ours) },
      baseline: {
        name: `one SQL statement, groupBy=${label}`,
        operations: 1,
        milliseconds: median(baseline),
      },
      baselineAgrees,
    });
    progress(
      `statistics groupBy=${label}: ${(median(ours) / 1000).toFixed(2)} s (SQL ${(median(baseline) / 1000).toFixed(2)} s), ` +
        `${view!.groups.length} groups, baseline ${baselineAgrees ? 'agrees' : 'DISAGREES'}`,
    );
  }
  return figures;
}

/** Whether the statement's counts are those the domain counts (before small counts are hidden). */
async function agrees(
  service: ReportingService,
  period: { from: string; to: string },
  groupBy: StatisticsDimension[],
  rows: SqlRow[],
): Promise<boolean> {
  const counts = countCases(await casesReceivedInPeriod(service.dataSource, period), groupBy);
  const key = (values: readonly string[]) => JSON.stringify(values);
  const expected = new Map(counts.groups.map((cell) => [key(cell.values), cell.cases]));
  const groupRows = rows.filter((row) => row.kind === 'group');
  const yearRows = rows.filter((row) => row.kind === 'year');
  const totalRow = rows.find((row) => row.kind === 'total');
  const groupsAgree =
    groupBy.length === 0
      ? expected.size <= 1
      : groupRows.length === expected.size &&
        groupRows.every(
          (row) => expected.get(key(groupBy.map((_, index) => row[`d${index}`]!))) === Number(row.cases),
        );
  const yearsAgree =
    yearRows.length === counts.years.length &&
    counts.years.every((year) =>
      yearRows.some((row) => Number(row.year) === year.year && Number(row.cases) === year.cases),
    );
  return groupsAgree && yearsAgree && Number(totalRow?.cases) === counts.total;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
