import { countCases, type CountCell } from './case-counts';
import {
  shownCount,
  withheldCells,
  type PublishedCount,
  type PublishedCounts,
  type Withholding,
} from './small-count-suppression';
import { linesOfStateGroupings } from './state-grouping-lines';
import {
  combinationsOf,
  valuesOf,
  type CountedCase,
  type StatisticsDimension,
} from './statistics-dimensions';

/** The dimensions of the charts published with the table, besides the years. */
export const CHART_DIMENSIONS = ['actType', 'region', 'replyStatus'] as const;
export type ChartDimension = (typeof CHART_DIMENSIONS)[number];

/** Everything one answer publishes: the table asked, the years, and the charts, each by one dimension. */
export interface PublishedStatistics {
  /** The groups asked, the total and the cases per year (the years are also a chart). */
  counts: PublishedCounts;
  /** The counts of each chart by its one dimension (its `years` are those of `counts`). */
  charts: Record<ChartDimension, PublishedCounts>;
}

/**
 * The statistics of a request as one answer or one document publishes them.
 *
 * The table is protected as `publishCounts` says, and, when it has the State, line by line of the
 * States of each regional group and membership value (see `linesOfStateGroupings`). The years and
 * each chart (act type, regional group, reply of the State) are counted by their one dimension
 * and protected as a request by it would be; but published beside the table, a bar (or a year)
 * can be a sum of table cells: the cells of its value when the table has its dimension, the
 * cells of its States for a regional group, and any cells whose cases all have its value and add
 * up to it. A bar minus the cells shown that it sums would then give the hidden ones away. So,
 * besides its own small counts:
 *
 * - a bar is withheld (`suppressed`, or `<T` if small) when a hidden table cell is among those it
 *   sums, unless it sums them all (it is then the total);
 * - for a dimension a case has one value of (years, regional group, reply), the cases link the
 *   bars to the cells they count under; when they split the bars into several groups that add up
 *   to their own cells, every bar of a group holding a hidden cell is withheld;
 * - then the bars are protected as a line like any other (their published total minus the bars
 *   drawn must not give one withheld bar alone), hiding more bars, never more cells.
 *
 * Why this is enough for exact sums: a hidden cell is only ever summed by withheld bars, and the
 * withheld bars of a chart are only known together (the chart's total minus the bars drawn). So
 * the only sum of hidden cells a reader can reach is that of all of them, which is the table's
 * own total minus its cells shown, and the table protects it as a line (see `linesOf`). Where a
 * dimension has several values per case the sums become bounds, as for the table itself.
 */
export function publishStatistics(
  cases: readonly CountedCase[],
  groupBy: readonly StatisticsDimension[],
  threshold: number,
): PublishedStatistics {
  const table = countCases(cases, groupBy);
  const cellIndex = new Map(table.groups.map((cell, index) => [JSON.stringify(cell.values), index]));
  const cellsOfCase = cases.map((counted) =>
    combinationsOf(counted, groupBy).map((values) => cellIndex.get(JSON.stringify(values))!),
  );
  // A table by State is also protected line by line of the States of each regional group (and
  // membership value), whose sums requests by those dimensions publish.
  const tableMarks = withheldCells(
    table.groups,
    threshold,
    new Set(),
    linesOfStateGroupings(table.groups, groupBy, cases, cellsOfCase),
  );
  const links: TableLinks = {
    cells: table.groups,
    hidden: tableMarks.map((mark) => mark !== null),
    cellsOfCase,
  };
  const shown = (cells: readonly CountCell[], marks: ReadonlyArray<Withholding | null>): PublishedCount[] =>
    cells.map((cell, index) => shownCount(cell.cases, marks[index] ?? null, threshold));

  const yearBars = table.years.map((year) => ({ values: [String(year.year)], cases: year.cases }));
  const yearsShown = shown(
    yearBars,
    barMarks(yearBars, threshold, links, {
      position: groupBy.indexOf('year'),
      valuesOfCase: cases.map((counted) => [String(counted.year)]),
      singleValued: true,
    }),
  );
  const years = table.years.map((year, index) => ({ year: year.year, cases: yearsShown[index]! }));
  const total = shownCount(
    table.total,
    table.total > 0 && table.total < threshold ? 'small' : null,
    threshold,
  );

  const chart = (dimension: ChartDimension): PublishedCounts => {
    const bars = countCases(cases, [dimension]).groups;
    const marks = barMarks(bars, threshold, links, {
      position: groupBy.indexOf(dimension),
      valuesOfCase: cases.map((counted) => valuesOf(counted, dimension)),
      singleValued: dimension !== 'actType',
    });
    const published = shown(bars, marks);
    return {
      total,
      groups: bars.map((bar, index) => ({ values: bar.values, cases: published[index]! })),
      years,
    };
  };
  return {
    counts: {
      total,
      groups: table.groups.map((cell, index) => ({
        values: cell.values,
        cases: shownCount(cell.cases, tableMarks[index] ?? null, threshold),
      })),
      years,
    },
    charts: { actType: chart('actType'), region: chart('region'), replyStatus: chart('replyStatus') },
  };
}

/** The table's cells, which are hidden, and the cells each case counts under (case by case). */
interface TableLinks {
  cells: readonly CountCell[];
  hidden: readonly boolean[];
  cellsOfCase: ReadonlyArray<readonly number[]>;
}

interface ViewOfCases {
  /** Where the view's dimension is among the table's, or −1. */
  position: number;
  /** The values each case counts under in the view, case by case. */
  valuesOfCase: ReadonlyArray<readonly string[]>;
  /** Each case has exactly one value: the bars add up to the total. */
  singleValued: boolean;
}

/** How each bar of a view is published beside the table: its own small counts, those that sum hidden cells, and their complements. */
function barMarks(
  bars: readonly CountCell[],
  threshold: number,
  links: TableLinks,
  view: ViewOfCases,
): Array<Withholding | null> {
  const required = new Set<number>();
  const cellIndices = links.cells.map((_, index) => index);
  // The values every case of a cell has.
  const common: Array<Set<string> | null> = links.cells.map(() => null);
  links.cellsOfCase.forEach((cells, caseIndex) => {
    const values = view.valuesOfCase[caseIndex] ?? [];
    for (const cell of cells) {
      const before = common[cell];
      common[cell] = new Set(before ? values.filter((value) => before.has(value)) : values);
    }
  });
  bars.forEach((bar, barIndex) => {
    const value = bar.values[0]!;
    const summed =
      view.position >= 0
        ? cellIndices.filter((cell) => links.cells[cell]!.values[view.position] === value)
        : cellIndices.filter((cell) => common[cell]?.has(value));
    const sum = summed.reduce((total, cell) => total + links.cells[cell]!.cases, 0);
    const isSum = view.position >= 0 || (summed.length > 0 && sum === bar.cases);
    // A bar that sums every cell is the table's total, which the table protects as a line.
    if (isSum && summed.length < links.cells.length && summed.some((cell) => links.hidden[cell]))
      required.add(barIndex);
  });
  if (view.singleValued) for (const barIndex of barsOfHiddenGroups(bars, links, view)) required.add(barIndex);
  return withheldCells(bars, threshold, required);
}

/**
 * The bars in a group that holds a hidden cell, when the cases split bars and cells into several
 * groups (each case links its one value to the cells it counts under): each group's bars add up
 * to its cells. A single group adds up to the total, which the table protects itself.
 */
function barsOfHiddenGroups(bars: readonly CountCell[], links: TableLinks, view: ViewOfCases): number[] {
  const barOf = new Map(bars.map((bar, index) => [bar.values[0]!, links.cells.length + index]));
  const parent = Array.from({ length: links.cells.length + bars.length }, (_, index) => index);
  const root = (node: number): number => {
    while (parent[node] !== node) node = parent[node] = parent[parent[node]!]!;
    return node;
  };
  links.cellsOfCase.forEach((cells, caseIndex) => {
    const bar = barOf.get(view.valuesOfCase[caseIndex]?.[0] ?? '');
    for (const node of bar === undefined ? cells : [bar, ...cells])
      parent[root(node)] = root(cells[0] ?? node);
  });
  const barRoots = bars.map((_, index) => root(links.cells.length + index));
  if (new Set(barRoots).size < 2) return [];
  const withHidden = new Set(links.cells.flatMap((_, cell) => (links.hidden[cell] ? [root(cell)] : [])));
  return barRoots.flatMap((groupRoot, index) => (withHidden.has(groupRoot) ? [index] : []));
}
