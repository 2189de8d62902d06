import { combinationsOf, type CountedCase, type StatisticsDimension } from './statistics-dimensions';

/** A number of cases with the same values, one per dimension asked for (none for the total). */
export interface CountCell {
  values: string[];
  cases: number;
}

export interface CaseCounts {
  /** Cases counted, each once. */
  total: number;
  /** Every combination of values met, with its number of cases (never 0), in the order of the values. */
  groups: CountCell[];
  /** Cases per year of reception, each once. */
  years: Array<{ year: number; cases: number }>;
}

/**
 * Counts cases by the dimensions asked for. A case counts once under each combination of the
 * values it has (see combinationsOf): a case with two acts, a threat and a travel ban, grouped by
 * act type, counts once under each; so the groups of a multi-valued dimension may add up to more
 * than the total.
 */
export function countCases(
  cases: readonly CountedCase[],
  dimensions: readonly StatisticsDimension[],
): CaseCounts {
  const groups = new Map<string, CountCell>();
  const years = new Map<number, number>();
  for (const counted of cases) {
    years.set(counted.year, (years.get(counted.year) ?? 0) + 1);
    for (const values of combinationsOf(counted, dimensions)) {
      const key = JSON.stringify(values);
      const cell = groups.get(key) ?? { values, cases: 0 };
      cell.cases += 1;
      groups.set(key, cell);
    }
  }
  return {
    total: cases.length,
    groups: [...groups.values()].sort((a, b) => compareValues(a.values, b.values)),
    years: [...years.entries()].sort(([a], [b]) => a - b).map(([year, count]) => ({ year, cases: count })),
  };
}

export function compareValues(a: readonly string[], b: readonly string[]): number {
  for (let position = 0; position < a.length; position += 1) {
    const order = (a[position] ?? '').localeCompare(b[position] ?? '', 'en', { numeric: true });
    if (order !== 0) return order;
  }
  return 0;
}
