import type { PolicyVersion } from '@reprisals/service-platform';
import { RequestValidationError } from '@reprisals/service-platform';

/** The days the figures cover, both included (YYYY-MM-DD). */
export interface MetricsPeriod {
  from: string;
  to: string;
}

/**
 * The period asked for. `to` defaults to today; `from` to the day after the same date twelve
 * months before `to` (the last day of the month when that month is shorter), so that the period
 * is the twelve months up to `to`. A period that ends before it starts is a 400 naming both.
 */
export function metricsPeriod(
  asked: { from?: string | undefined; to?: string | undefined },
  today: string,
): MetricsPeriod {
  const to = asked.to ?? today;
  const from = asked.from ?? dayAfterTwelveMonthsBefore(to);
  if (from > to)
    throw new RequestValidationError(
      [
        { field: 'from', message: `must not be after to (${to})` },
        { field: 'to', message: `must not be before from (${from})` },
      ],
      'query',
    );
  return { from, to };
}

function dayAfterTwelveMonthsBefore(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return new Date(Date.UTC(year - 1, month - 1, Math.min(date, lastOfMonth) + 1)).toISOString().slice(0, 10);
}

/**
 * The versions of the rules in force on at least one day of the period, oldest first: the one in
 * force on its first day and those that took effect during it. A version replaced before the
 * period began, or taking effect after it, is not listed.
 */
export function policyVersionsInForce(
  versions: readonly PolicyVersion[],
  period: MetricsPeriod,
): PolicyVersion[] {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted
    .filter((version, index) => {
      const next = sorted[index + 1];
      return version.effectiveFrom <= period.to && !(next && next.effectiveFrom <= period.from);
    })
    .map(({ version, effectiveFrom }) => ({ version, effectiveFrom }));
}
