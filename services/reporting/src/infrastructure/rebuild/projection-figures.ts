import type { DataSource } from 'typeorm';
import { caseAccessFigures } from './case-access-comparison';
import { PROJECTION_TABLE_NAMES } from './projection-tables';

/** One figure, as the live tables and the rebuilt ones give it. */
export interface FigureRow {
  figure: string;
  live: number;
  rebuilt: number;
}

export interface FigureComparison {
  rows: FigureRow[];
  /** Cases whose timeline has another number of entries once rebuilt (the first ones are rows). */
  casesWithAnotherTimelineLength: number;
}

/** How many of the cases whose timeline length differs are named, one row each. */
const NAMED_TIMELINE_DIFFERENCES = 20;

/** As statistics value it: a reply wins over a missed deadline, which wins over awaiting. */
const REPLY_STATUS = `CASE WHEN "first_reply_type" IS NOT NULL THEN 'replied'
  WHEN "deadlines_missed" > 0 THEN 'deadline-missed'
  WHEN "communications_sent" > 0 THEN 'awaiting' ELSE 'none' END`;

const REPORT_CASE_GROUPS: ReadonlyArray<{ label: string; expression: string }> = [
  { label: 'state', expression: `coalesce("state_concerned", 'not-recorded')` },
  { label: 'year', expression: `coalesce("received_year"::text, 'not-recorded')` },
  { label: 'verification outcome', expression: `coalesce("verification_outcome", 'pending')` },
  { label: 'reply status', expression: REPLY_STATUS },
];

/**
 * The figures a rebuild is judged by, live beside rebuilt: rows of each projection table, cases
 * withheld and what their consent allows, cases of report_case by State, year, verification outcome and reply status, and timeline entries per case
 * (cases by id only). Codes and counts: nothing of a person.
 */
export async function compareProjectionFigures(
  dataSource: DataSource,
  live: string,
  rebuilt: string,
): Promise<FigureComparison> {
  const rows: FigureRow[] = [];
  for (const table of PROJECTION_TABLE_NAMES) {
    rows.push({
      figure: `rows of ${table}`,
      live: await countOf(dataSource, live, table),
      rebuilt: await countOf(dataSource, rebuilt, table),
    });
  }
  rows.push(...(await caseAccessFigures(dataSource, live, rebuilt)));
  for (const { label, expression } of REPORT_CASE_GROUPS) {
    const counts = await dataSource.query<Array<{ value: string; live: string; rebuilt: string }>>(
      `SELECT coalesce(l."value", r."value") AS "value",
              coalesce(l."cases", 0) AS "live", coalesce(r."cases", 0) AS "rebuilt"
         FROM (SELECT ${expression} AS "value", count(*) AS "cases" FROM "${live}"."report_case" GROUP BY 1) l
         FULL JOIN (SELECT ${expression} AS "value", count(*) AS "cases" FROM "${rebuilt}"."report_case" GROUP BY 1) r
           ON l."value" = r."value"
        ORDER BY 1`,
    );
    for (const count of counts)
      rows.push({
        figure: `report_case by ${label}: ${count.value}`,
        live: Number(count.live),
        rebuilt: Number(count.rebuilt),
      });
  }
  const perCase = await dataSource.query<Array<{ case_id: string; live: string; rebuilt: string }>>(
    `SELECT coalesce(l."case_id", r."case_id") AS "case_id",
            coalesce(l."entries", 0) AS "live", coalesce(r."entries", 0) AS "rebuilt"
       FROM (SELECT "case_id", count(*) AS "entries" FROM "${live}"."timeline_entry" GROUP BY 1) l
       FULL JOIN (SELECT "case_id", count(*) AS "entries" FROM "${rebuilt}"."timeline_entry" GROUP BY 1) r
         ON l."case_id" = r."case_id"`,
  );
  const differing = perCase.filter((count) => count.live !== count.rebuilt);
  rows.push({
    figure: 'cases with a timeline',
    live: perCase.filter((count) => Number(count.live) > 0).length,
    rebuilt: perCase.filter((count) => Number(count.rebuilt) > 0).length,
  });
  for (const count of differing
    .sort((a, b) => a.case_id.localeCompare(b.case_id))
    .slice(0, NAMED_TIMELINE_DIFFERENCES))
    rows.push({
      figure: `timeline entries of case ${count.case_id}`,
      live: Number(count.live),
      rebuilt: Number(count.rebuilt),
    });
  return { rows, casesWithAnotherTimelineLength: differing.length };
}

async function countOf(dataSource: DataSource, schema: string, table: string): Promise<number> {
  const [row] = await dataSource.query<Array<{ count: string }>>(
    `SELECT count(*) AS "count" FROM "${schema}"."${table}"`,
  );
  return Number(row?.count ?? 0);
}

/** The figures as a table: figure, live, rebuilt, difference (rebuilt minus live). */
export function formatFigures(rows: readonly FigureRow[]): string[] {
  const header = ['figure', 'live', 'rebuilt', 'difference'];
  const cells = rows.map((row) => {
    const difference = row.rebuilt - row.live;
    return [
      row.figure,
      String(row.live),
      String(row.rebuilt),
      difference === 0 ? '0' : difference > 0 ? `+${difference}` : String(difference),
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => line[column]!.length)),
  );
  const line = (values: string[]) =>
    values
      .map((value, column) => (column === 0 ? value.padEnd(widths[0]!) : value.padStart(widths[column]!)))
      .join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)];
}
