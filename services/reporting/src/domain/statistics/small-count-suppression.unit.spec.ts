import fc from 'fast-check';
import type { CaseCounts, CountCell } from './case-counts';
import {
  publishCounts,
  SUPPRESSED,
  type PublishedCell,
  type PublishedCount,
} from './small-count-suppression';

const T = 5;

/** A one-dimension table whose total is the sum of its cells (a single-valued dimension). */
function oneDimension(cells: Record<string, number>, years: CaseCounts['years'] = []): CaseCounts {
  const groups = Object.entries(cells).map(([value, cases]) => ({ values: [value], cases }));
  return { total: groups.reduce((sum, cell) => sum + cell.cases, 0), groups, years };
}

const shown = (published: PublishedCell[]) =>
  Object.fromEntries(published.map((cell) => [cell.values.join('/'), cell.cases]));

/**
 * What a reader learns of each small cell of a line by subtraction: the line's total (published
 * elsewhere) minus the cells shown is the sum of the hidden ones; a `<T` cell is 1..T−1 and a
 * `suppressed` one at least T. Returns the narrowest range of each small cell.
 */
function rangesBySubtraction(
  line: ReadonlyArray<{ truth: number; published: PublishedCount }>,
  threshold: number,
): Array<{ truth: number; low: number; high: number }> {
  const total = line.reduce((sum, cell) => sum + cell.truth, 0);
  const hidden =
    total - line.reduce((sum, cell) => sum + (typeof cell.published === 'number' ? cell.published : 0), 0);
  const small = line.filter((cell) => cell.published === `<${threshold}`);
  const suppressed = line.filter((cell) => cell.published === SUPPRESSED);
  return small.map((cell, index) => {
    const others = small.filter((_, other) => other !== index).length;
    const high = Math.min(threshold - 1, hidden - others - suppressed.length * threshold);
    const low = suppressed.length > 0 ? 1 : Math.max(1, hidden - others * (threshold - 1));
    return { truth: cell.truth, low, high };
  });
}

describe('hiding small counts', () => {
  it('given counts below and at the threshold, when published, then those from 1 to T−1 read "<T" and the others are numbers', () => {
    const published = publishCounts(oneDimension({ a: 1, b: 4, c: 5, d: 30 }), T);

    expect(published.groups.find((cell) => cell.values[0] === 'a')?.cases).toBe('<5');
    expect(published.groups.find((cell) => cell.values[0] === 'b')?.cases).toBe('<5');
    expect(published.groups.find((cell) => cell.values[0] === 'd')?.cases).toBe(30);
    expect(published.total).toBe(40);
  });

  it('given a threshold of 3, when published, then the marker names it and 3 is a count like any other', () => {
    const published = publishCounts(oneDimension({ a: 2, b: 3, c: 9 }), 3);

    expect(shown(published.groups)).toEqual({ a: '<3', b: SUPPRESSED, c: 9 });
  });

  it('given a threshold of 1, when published, then every count is shown', () => {
    const published = publishCounts(oneDimension({ a: 1, b: 2 }, [{ year: 2026, cases: 3 }]), 1);

    expect(shown(published.groups)).toEqual({ a: 1, b: 2 });
    expect(published.years).toEqual([{ year: 2026, cases: 3 }]);
  });

  it('given a total below the threshold, when published, then the total is hidden too', () => {
    expect(publishCounts(oneDimension({ a: 1, b: 2 }), T).total).toBe('<5');
    expect(publishCounts({ total: 0, groups: [], years: [] }, T).total).toBe(0);
  });

  describe('the subtraction attack', () => {
    it('given one small count beside large ones, when only it were hidden, then the total minus the others would give it away; so a larger one is hidden with it', () => {
      const counts = oneDimension({ woman: 2, man: 17, undisclosed: 40 });
      const naive = counts.total - 17 - 40;
      expect(naive).toBe(2);

      const published = publishCounts(counts, T);

      expect(published.total).toBe(59);
      expect(shown(published.groups)).toEqual({ woman: '<5', man: SUPPRESSED, undisclosed: 40 });
      const shownSum = published.groups.reduce(
        (sum, cell) => sum + (typeof cell.cases === 'number' ? cell.cases : 0),
        0,
      );
      // What subtraction gives is the sum of two cells, one of which is at least 5.
      expect(59 - shownSum).toBe(19);
      const [range] = rangesBySubtraction(
        counts.groups.map((cell, index) => ({
          truth: cell.cases,
          published: published.groups[index]!.cases,
        })),
        T,
      );
      expect(range).toEqual({ truth: 2, low: 1, high: 4 });
    });

    it('given a small count of 1 and a sibling of exactly 5, when protected, then the sibling of 5 is not enough (1 + 5 − 5 would give 1) and the next one is hidden instead', () => {
      const published = publishCounts(oneDimension({ a: 1, b: 5, c: 9 }), T);

      expect(shown(published.groups)).toEqual({ a: '<5', b: 5, c: SUPPRESSED });
      const [range] = rangesBySubtraction(
        [
          { truth: 1, published: '<5' },
          { truth: 5, published: 5 },
          { truth: 9, published: SUPPRESSED },
        ],
        T,
      );
      expect(range).toMatchObject({ low: 1, high: 4 });
    });

    it('given two small counts at the threshold minus one, when protected, then a larger count is hidden too, since two "<5" adding up to 8 would each be 4', () => {
      const published = publishCounts(oneDimension({ a: 4, b: 4, c: 12 }), T);

      expect(shown(published.groups)).toEqual({ a: '<5', b: '<5', c: SUPPRESSED });
    });

    it('given the years of reception, when one year is small, then another year is hidden, since the years add up to the total', () => {
      const published = publishCounts(
        {
          total: 26,
          groups: [{ values: [], cases: 26 }],
          years: [
            { year: 2024, cases: 3 },
            { year: 2025, cases: 9 },
            { year: 2026, cases: 14 },
          ],
        },
        T,
      );

      expect(published.total).toBe(26);
      expect(published.years).toEqual([
        { year: 2024, cases: '<5' },
        { year: 2025, cases: SUPPRESSED },
        { year: 2026, cases: 14 },
      ]);
    });

    it('given two dimensions, when a cell is hidden, then its row and its column each hide another, and so on until every line is protected', () => {
      // state × gender; the rows add up to the counts by state, the columns to the counts by gender,
      // both of which other requests publish.
      const cells: CountCell[] = [
        { values: ['BLR', 'man'], cases: 11 },
        { values: ['BLR', 'woman'], cases: 2 },
        { values: ['NIC', 'man'], cases: 9 },
        { values: ['NIC', 'woman'], cases: 12 },
      ];
      const published = publishCounts({ total: 34, groups: cells, years: [] }, T);

      expect(shown(published.groups)).toEqual({
        'BLR/man': SUPPRESSED,
        'BLR/woman': '<5',
        'NIC/man': SUPPRESSED,
        'NIC/woman': SUPPRESSED,
      });
    });

    it('given any table of two dimensions, when published, then no line lets subtraction narrow a small count below 1..T−1 whenever it had enough to hide', () => {
      const table = fc.record({
        threshold: fc.integer({ min: 2, max: 6 }),
        rows: fc.integer({ min: 1, max: 4 }),
        columns: fc.integer({ min: 1, max: 4 }),
        counts: fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 16, maxLength: 16 }),
      });
      fc.assert(
        fc.property(table, ({ threshold, rows, columns, counts }) => {
          const cells: CountCell[] = [];
          for (let row = 0; row < rows; row += 1)
            for (let column = 0; column < columns; column += 1) {
              const cases = counts[row * columns + column]!;
              if (cases > 0) cells.push({ values: [`r${row}`, `c${column}`], cases });
            }
          const total = cells.reduce((sum, cell) => sum + cell.cases, 0);
          const published = publishCounts({ total, groups: cells, years: [] }, threshold);
          const truthAndPublished = cells.map((cell, index) => ({
            values: cell.values,
            truth: cell.cases,
            published: published.groups[index]!.cases,
          }));
          for (const cell of truthAndPublished) {
            if (cell.truth < threshold) expect(cell.published).toBe(`<${threshold}`);
            else expect([cell.truth, SUPPRESSED]).toContain(cell.published);
          }
          for (const position of [0, 1]) {
            const lines = new Map<string, typeof truthAndPublished>();
            for (const cell of truthAndPublished) {
              const key = cell.values[1 - position]!;
              lines.set(key, [...(lines.get(key) ?? []), cell]);
            }
            for (const line of lines.values()) {
              const small = line.filter((cell) => cell.truth < threshold);
              const large = line.filter((cell) => cell.truth >= threshold);
              const coverable =
                small.length > 0 &&
                large.length > 0 &&
                small.reduce((sum, cell) => sum + cell.truth - 1, 0) +
                  large.reduce((sum, cell) => sum + cell.truth - threshold, 0) >=
                  threshold - 2;
              if (!coverable) continue;
              for (const range of rangesBySubtraction(line, threshold))
                expect({ low: range.low, high: range.high }).toEqual({ low: 1, high: threshold - 1 });
            }
          }
        }),
        { numRuns: 500 },
      );
    });
  });
});
