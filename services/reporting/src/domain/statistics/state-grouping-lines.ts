import type { CountCell } from './case-counts';
import { valuesOf, type CountedCase, type StatisticsDimension } from './statistics-dimensions';

/**
 * The dimensions that group the States concerned: the regional group is one of the State, the
 * membership of the Human Rights Council one of the State and the year of reception.
 */
export const GROUPINGS_OF_STATES = ['region', 'hrcMember'] as const;

/**
 * The lines of a table by State that a request by regional group (or by membership) of the same
 * period adds: within each line of the other dimensions, the States of one regional group (of one
 * membership value), whose sum that request publishes as the group's count.
 *
 * Why: a request by `region` instead of `state`, the other dimensions the same, publishes for each
 * regional group the sum of the cells of its States. Were those States not a line of their own,
 * the group's count minus its States shown could be a single hidden cell: Belarus 3 and the
 * Russian Federation 9, Belarus hidden and the Russian Federation shown, beside Eastern European
 * 12. As a line, they are protected like any (see `withheldCells`): with a hidden cell, another
 * is hidden, and with a small one, enough that subtracting leaves it anywhere from 1 to T − 1.
 * A group with a single State adds no line: its count is that State's cell, shown `<T` by both
 * requests when small. The same for membership, a value of the State in the year of reception:
 * the cells are grouped by membership when each one's cases share one value, which they always do
 * when the table has the year too, and most often without it (a State whose membership did not
 * change over the years of the period).
 *
 * Why this is enough against such a pair of requests: each State is in one group (has one
 * membership value in a year), so the groups split every line of the table by State into lines
 * whose counts the other request publishes, and what it gives is the sum of the hidden cells of a
 * group, which its line protects. A cell whose cases have several membership values (a State
 * that joined or left the Council within the period) is in none of these lines: a membership's
 * count holds only part of it, which only a table by State and membership gives, protected there.
 */
export function linesOfStateGroupings(
  cells: readonly CountCell[],
  groupBy: readonly StatisticsDimension[],
  cases: readonly CountedCase[],
  cellsOfCase: ReadonlyArray<readonly number[]>,
): number[][] {
  const statePosition = groupBy.indexOf('state');
  if (statePosition < 0) return [];
  const lines: number[][] = [];
  // With the grouping among the dimensions, the States of one value are a line of the table already.
  for (const grouping of GROUPINGS_OF_STATES.filter((dimension) => !groupBy.includes(dimension))) {
    const valuesOfCell = cells.map(() => new Set<string>());
    cellsOfCase.forEach((cellIndices, caseIndex) => {
      const [value] = valuesOf(cases[caseIndex]!, grouping);
      for (const cell of cellIndices) valuesOfCell[cell]?.add(value!);
    });
    const byLine = new Map<string, number[]>();
    cells.forEach((cell, index) => {
      const values = [...valuesOfCell[index]!];
      if (values.length !== 1) return;
      const key = JSON.stringify([
        ...cell.values.filter((_, position) => position !== statePosition),
        ...values,
      ]);
      byLine.set(key, [...(byLine.get(key) ?? []), index]);
    });
    lines.push(...[...byLine.values()].filter((line) => line.length >= 2));
  }
  return lines;
}
