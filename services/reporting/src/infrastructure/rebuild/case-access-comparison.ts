import type { DataSource } from 'typeorm';
import { SHARE_STATUSES } from '@reprisals/case-access';
import type { FigureRow } from './projection-figures';

/**
 * The tables that decide who may see a case and what may be done with it. A rebuild must never
 * leave them less protective than the live ones, so they are never shortened on an operator's
 * word (--accept-fewer-rows) and their versions are compared case by case.
 */
export const CASE_ACCESS_TABLES: readonly string[] = [
  'case_access',
  'case_share',
  'case_consent',
  'case_protection',
];

/** Cases whose rebuilt access rules would protect them less than the live ones (ids only). */
export interface CaseAccessLosses {
  /** Rebuilt with an older flag version than live (or none), or no longer withheld. */
  protection: string[];
  /** Rebuilt with an older consent version than live (or none), or a consent wider than live. */
  consent: string[];
  /**
   * Rebuilt with a share missing or behind its live status (accepted where live says revoked), a
   * wider scope or a later expiry, or another lead than live (a transfer missing from the log).
   */
  access: string[];
}

/** A share's status as a rank: a later status of the life of a share ranks higher. */
const SHARE_RANK = (column: string) =>
  `(CASE ${column} ${SHARE_STATUSES.map((status, rank) => `WHEN '${status}' THEN ${rank}`).join(' ')} ELSE -1 END)`;

/** How wide each consent value is: a higher rank allows more. */
const RANK = (column: string) =>
  `(CASE ${column} WHEN 'named' THEN 2 WHEN 'anonymous' THEN 1 WHEN 'yes' THEN 1 ELSE 0 END)`;

/**
 * Projections of case_protection and case_consent keep only the highest version of each case, so
 * a log that misses the latest flag or consent change gives the same rows with an older version:
 * row counts cannot show it. Compares every case of the live tables with its rebuilt row.
 */
export async function caseAccessLosses(
  dataSource: DataSource,
  live: string,
  rebuilt: string,
): Promise<CaseAccessLosses> {
  const protection = await dataSource.query<Array<{ case_id: string }>>(
    `SELECT l."case_id" FROM "${live}"."case_protection" l
       LEFT JOIN "${rebuilt}"."case_protection" r ON r."case_id" = l."case_id"
      WHERE r."case_id" IS NULL OR r."version" < l."version" OR (l."withheld" AND NOT r."withheld")
      ORDER BY 1`,
  );
  const wider = ['raise_with_state', 'share_with_un_entities', 'publish']
    .map((column) => `${RANK(`r."${column}"`)} > ${RANK(`l."${column}"`)}`)
    .join(' OR ');
  const consent = await dataSource.query<Array<{ case_id: string }>>(
    `SELECT l."case_id" FROM "${live}"."case_consent" l
       LEFT JOIN "${rebuilt}"."case_consent" r ON r."case_id" = l."case_id"
      WHERE r."case_id" IS NULL OR r."version" < l."version" OR (l."withdrawn" AND NOT r."withdrawn")
         OR ${wider}
      ORDER BY 1`,
  );
  // Share rows are never deleted, and the lead is one row per case: a log missing a revocation
  // or a transfer gives the same row counts with more access than live.
  const access = await dataSource.query<Array<{ case_id: string }>>(
    `SELECT l."case_id" FROM "${live}"."case_share" l
       LEFT JOIN "${rebuilt}"."case_share" r ON r."share_id" = l."share_id"
      WHERE r."share_id" IS NULL OR ${SHARE_RANK('r."status"')} < ${SHARE_RANK('l."status"')}
         OR (r."scope" = 'full' AND l."scope" IS DISTINCT FROM 'full')
         OR (l."expires_at" IS NOT NULL AND (r."expires_at" IS NULL OR r."expires_at" > l."expires_at"))
     UNION
     SELECT l."case_id" FROM "${live}"."case_access" l
       LEFT JOIN "${rebuilt}"."case_access" r ON r."case_id" = l."case_id"
      WHERE r."case_id" IS NULL OR r."lead_entity" <> l."lead_entity"
         OR r."lead_transfer_id" IS DISTINCT FROM l."lead_transfer_id"
      ORDER BY 1`,
  );
  return {
    protection: protection.map((row) => row.case_id),
    consent: consent.map((row) => row.case_id),
    access: access.map((row) => row.case_id),
  };
}

/** Cases withheld and what consent allows, live beside rebuilt: counts of cases, nothing else. */
export async function caseAccessFigures(
  dataSource: DataSource,
  live: string,
  rebuilt: string,
): Promise<FigureRow[]> {
  const figures: Array<{ figure: string; table: string; expression: string }> = [
    { figure: 'cases withheld (case_protection)', table: 'case_protection', expression: `"withheld"` },
    { figure: 'case_consent withdrawn', table: 'case_consent', expression: `"withdrawn"` },
    ...(
      [
        ['raise with the State', 'raise_with_state', ['named', 'anonymous']],
        ['share with UN entities', 'share_with_un_entities', ['yes']],
        ['publish', 'publish', ['named', 'anonymous']],
      ] as const
    ).flatMap(([label, column, values]) =>
      values.map((value) => ({
        figure: `case_consent ${label}: ${value}`,
        table: 'case_consent',
        expression: `"${column}" = '${value}'`,
      })),
    ),
  ];
  const rows: FigureRow[] = [];
  for (const { figure, table, expression } of figures) {
    const count = async (schema: string) => {
      const [row] = await dataSource.query<Array<{ count: string }>>(
        `SELECT count(*) FILTER (WHERE ${expression}) AS "count" FROM "${schema}"."${table}"`,
      );
      return Number(row?.count ?? 0);
    };
    rows.push({ figure, live: await count(live), rebuilt: await count(rebuilt) });
  }
  return rows;
}

/** How many case ids a refusal names; the rest are counted. */
const NAMED_CASES = 20;

export function namedCases(caseIds: readonly string[]): string {
  const named = caseIds.slice(0, NAMED_CASES).join(', ');
  return caseIds.length > NAMED_CASES ? `${named} and ${caseIds.length - NAMED_CASES} more` : named;
}
