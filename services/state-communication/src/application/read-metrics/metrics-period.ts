import type { PolicyVersion } from '@reprisals/service-platform';
import { dayPeriodAsked, type DayPeriod } from '@reprisals/service-platform';

/** The days the figures cover, both included (YYYY-MM-DD). */
export type MetricsPeriod = DayPeriod;

/** The period asked for: the last twelve months up to `to` (today by default); 400 when reversed. */
export const metricsPeriod = dayPeriodAsked;

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
