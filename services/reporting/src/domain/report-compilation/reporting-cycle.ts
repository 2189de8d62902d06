/** What a reporting cycle reports to. */
export const REPORTING_CYCLE_KINDS = ['sg-annual-report', 'hrc-president-briefing', 'custom'] as const;
export type ReportingCycleKind = (typeof REPORTING_CYCLE_KINDS)[number];

/**
 * A reporting cycle: its kind, the days it covers (both included), the cut-off after which a
 * conclusion of verification is late for it, and once known the document symbol
 * (e.g. A/HRC/57/60).
 */
export interface ReportingCycle {
  kind: ReportingCycleKind;
  periodFrom: string;
  periodTo: string;
  cutOff: string;
  symbol: string | null;
}

/**
 * The Secretary-General's annual report of the period that contains `day`: from the policy's
 * first day of the period (1 May) to the day before it a year later, cut off `cutOffDays` after.
 */
export function annualReportCycleOf(
  day: string,
  rules: { periodStarts: string; cutOffDaysAfterPeriodEnd: number },
): ReportingCycle {
  const [month, date] = rules.periodStarts.split('-').map(Number) as [number, number];
  const year = Number(day.slice(0, 4));
  const startThisYear = isoDay(Date.UTC(year, month - 1, date));
  const startYear = day >= startThisYear ? year : year - 1;
  const periodFrom = isoDay(Date.UTC(startYear, month - 1, date));
  const periodTo = isoDay(Date.UTC(startYear + 1, month - 1, date - 1));
  return {
    kind: 'sg-annual-report',
    periodFrom,
    periodTo,
    cutOff: daysAfter(periodTo, rules.cutOffDaysAfterPeriodEnd),
    symbol: null,
  };
}

const isoDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** The calendar day `days` after `day` (both YYYY-MM-DD, UTC). */
export const daysAfter = (day: string, days: number): string =>
  isoDay(Date.parse(`${day.slice(0, 10)}T00:00:00.000Z`) + days * 86_400_000);
