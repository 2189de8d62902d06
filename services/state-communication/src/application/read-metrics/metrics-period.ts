import type { PolicyVersion, DayPeriod } from '@reprisals/service-platform';

/**
 * The versions of the rules in force on at least one day of the period, oldest first: the one in
 * force on its first day and those that took effect during it. A version replaced before the
 * period began, or taking effect after it, is not listed.
 */
export function policyVersionsInForce(
  versions: readonly PolicyVersion[],
  period: DayPeriod,
): PolicyVersion[] {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted
    .filter((version, index) => {
      const next = sorted[index + 1];
      return version.effectiveFrom <= period.to && !(next && next.effectiveFrom <= period.from);
    })
    .map(({ version, effectiveFrom }) => ({ version, effectiveFrom }));
}
