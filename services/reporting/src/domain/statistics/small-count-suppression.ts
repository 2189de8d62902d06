import { compareValues, type CaseCounts, type CountCell } from './case-counts';

/** A count as published: the number, `<T` for a small count, or `suppressed` to protect one. */
export type PublishedCount = number | string;

/** Shown instead of a count that is not small, withheld so that a small one cannot be worked out. */
export const SUPPRESSED = 'suppressed';

/** Shown instead of a count from 1 to threshold − 1: `<5` for a threshold of 5. */
export const smallCountMarker = (threshold: number): string => `<${threshold}`;

export interface PublishedCell {
  values: string[];
  cases: PublishedCount;
}

export interface PublishedCounts {
  total: PublishedCount;
  groups: PublishedCell[];
  years: Array<{ year: number; cases: PublishedCount }>;
}

export type Withholding = 'small' | 'complement';

/**
 * The counts as they may be published, with `threshold` the smallest count shown (1 shows every
 * count).
 *
 * A count from 1 to threshold − 1 could point at a person: it is shown as `<T`. Hiding it alone
 * is not enough, since the cells of a line add up to a total that is published: the total of the
 * request (for the years, and for the groups of one dimension), or the groups of another request
 * with one dimension fewer (for the groups of 2 or 3 dimensions), and the total of the request
 * for the whole table. Subtracting the cells shown from that total gives the sum of the cells
 * hidden. So, in every line of cells (all values of one dimension, the others fixed; and the
 * whole table, for 2 or 3 dimensions), until no line needs more:
 *
 * - a line with a hidden cell hides at least one other;
 * - a line with a small cell hides, besides its small cells, cells that are not small (shown as
 *   `suppressed`), the smallest that suffice, until its hidden cells add up to enough that each
 *   small one could still be any count from 1 to threshold − 1: Σ(small − 1) + Σ(other − T)
 *   ≥ T − 2.
 *
 * Knowing which hidden cells are small (`<T`) and which are not (`suppressed`, so at least T),
 * a reader who subtracts still learns nothing narrower than "1 to T − 1" of a small count from
 * any one line that had enough to hide. A line made only of small cells has nothing else to
 * hide: subtraction gives the sum of its cells, which is the line's own total (hidden too when
 * small). Totals are always published (the same total is every request's), so the protection is
 * in the cells. Zero counts are not listed.
 */
export function publishCounts(counts: CaseCounts, threshold: number): PublishedCounts {
  const years = counts.years.map((year) => ({ values: [String(year.year)], cases: year.cases }));
  const groupMarks = withheldCells(counts.groups, threshold);
  const yearMarks = withheldCells(years, threshold);
  const shown = (cases: number, mark: Withholding | null): PublishedCount =>
    shownCount(cases, mark, threshold);
  return {
    total: shown(counts.total, isSmall(counts.total, threshold) ? 'small' : null),
    groups: counts.groups.map((cell, index) => ({
      values: cell.values,
      cases: shown(cell.cases, groupMarks[index] ?? null),
    })),
    years: counts.years.map((year, index) => ({
      year: year.year,
      cases: shown(year.cases, yearMarks[index] ?? null),
    })),
  };
}

/**
 * Which cells are withheld, and why, cell by cell (null: shown). `required` names cells that must
 * be withheld besides the small ones (as `complement`), whose lines are then protected like any.
 * `moreLines` are further lines of cells (by index) whose sum another request publishes, protected
 * like the table's own (the States of a regional group, see `linesOfStateGroupings`).
 */
export function withheldCells(
  cells: readonly CountCell[],
  threshold: number,
  required: ReadonlySet<number> = new Set(),
  moreLines: ReadonlyArray<readonly number[]> = [],
): Array<Withholding | null> {
  const marks: Array<Withholding | null> = cells.map((cell, index) =>
    isSmall(cell.cases, threshold) ? 'small' : required.has(index) ? 'complement' : null,
  );
  const lines = [...linesOf(cells), ...moreLines];
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) if (protectLine(line, cells, marks, threshold)) changed = true;
  }
  return marks;
}

/** What is published instead of a count withheld for that reason. */
export const shownCount = (cases: number, mark: Withholding | null, threshold: number): PublishedCount =>
  mark === 'small' ? smallCountMarker(threshold) : mark === 'complement' ? SUPPRESSED : cases;

export const isSmall = (cases: number, threshold: number): boolean => cases > 0 && cases < threshold;

/**
 * The lines of a table: for each dimension, the cells that share the values of every other one;
 * and, for two dimensions or more, the whole table, whose cells add up to the total published
 * with it (a cell alone in its row and in its column, hidden, would otherwise be the total minus
 * every cell shown).
 */
function linesOf(cells: readonly CountCell[]): number[][] {
  const dimensions = cells[0]?.values.length ?? 0;
  const lines: number[][] = [];
  for (let dimension = 0; dimension < dimensions; dimension += 1) {
    const byOthers = new Map<string, number[]>();
    cells.forEach((cell, index) => {
      const others = JSON.stringify(cell.values.filter((_, position) => position !== dimension));
      byOthers.set(others, [...(byOthers.get(others) ?? []), index]);
    });
    lines.push(...byOthers.values());
  }
  if (dimensions >= 2) lines.push(cells.map((_, index) => index));
  return lines;
}

/** Hides more cells of one line until it is protected, or nothing is left to hide; true when it hid some. */
function protectLine(
  line: readonly number[],
  cells: readonly CountCell[],
  marks: Array<Withholding | null>,
  threshold: number,
): boolean {
  const count = (index: number): number => cells[index]?.cases ?? 0;
  let changed = false;
  for (;;) {
    const small = line.filter((index) => marks[index] === 'small');
    const complements = line.filter((index) => marks[index] === 'complement');
    if (small.length + complements.length === 0) return changed;
    // How far the hidden cells' sum is above what keeps every small one anywhere in 1..T−1.
    const slack =
      small.reduce((sum, index) => sum + count(index) - 1, 0) +
      complements.reduce((sum, index) => sum + count(index) - threshold, 0) -
      (threshold - 2);
    const protectedLine =
      small.length + complements.length >= 2 &&
      (small.length === 0 || (complements.length > 0 && slack >= 0));
    if (protectedLine) return changed;
    const candidates = line
      .filter((index) => marks[index] === null)
      .sort((a, b) => count(a) - count(b) || compareValues(cells[a]!.values, cells[b]!.values));
    if (candidates.length === 0) return changed;
    const needed = small.length > 0 ? threshold - slack : 0;
    const chosen = candidates.find((index) => count(index) >= needed) ?? candidates.at(-1)!;
    marks[chosen] = 'complement';
    changed = true;
  }
}
