import fc from 'fast-check';
import { countCases, type CountCell } from '../../domain/statistics/case-counts';
import { publishStatistics } from '../../domain/statistics/published-statistics';
import { SUPPRESSED } from '../../domain/statistics/small-count-suppression';
import {
  combinationsOf,
  valuesOf,
  type CountedCase,
  type StatisticsDimension,
} from '../../domain/statistics/statistics-dimensions';
import {
  statisticsCharts,
  valueLabel,
  type ChartFigures,
  type StatisticsExportSource,
} from './statistics-export';
import { statisticsHtml } from './statistics.html';
import { countedCase } from '../../domain/statistics/counted-case.test-support';

/** The document an HTML or DOCX export is written from, as the controller makes it. */
function documentOf(
  cases: readonly CountedCase[],
  groupBy: StatisticsDimension[],
  threshold: number,
): StatisticsExportSource {
  const { counts, charts } = publishStatistics(cases, groupBy, threshold);
  return {
    period: { from: '2010-01-01', to: '2026-11-30' },
    groupBy,
    threshold,
    madeOn: '2026-11-30',
    counts,
    charts: { byActType: charts.actType, byRegion: charts.region, byReply: charts.replyStatus },
  };
}

const counted = (overrides: Partial<CountedCase> = {}): CountedCase =>
  countedCase({ stateConcerned: 'RUS', ...overrides });

interface View {
  dimension: StatisticsDimension;
  /** The values a case counts under in this view. */
  valuesOfCase: (counted: CountedCase) => string[];
  /** A case counts under one value only: the bars add up to the total. */
  singleValued: boolean;
  figures: (charts: ReturnType<typeof statisticsCharts>) => ChartFigures;
  label: (value: string) => string;
}

const VIEWS: View[] = [
  {
    dimension: 'year',
    valuesOfCase: (counted) => [String(counted.year)],
    singleValued: true,
    figures: (charts) => charts.byYear,
    label: (value) => value,
  },
  ...(['actType', 'region', 'replyStatus'] as const).map((dimension) => ({
    dimension,
    valuesOfCase: (counted: CountedCase) => valuesOf(counted, dimension),
    singleValued: dimension !== 'actType',
    figures: (charts: ReturnType<typeof statisticsCharts>) =>
      dimension === 'actType' ? charts.byActType : dimension === 'region' ? charts.byRegion : charts.replies,
    label: (value: string) => valueLabel(dimension, value),
  })),
];

interface Disclosure {
  what: string;
  /** Published number minus the cells shown that it sums. */
  residual: number;
  hiddenCells: number;
}

/**
 * Every way of subtracting, from a number the document publishes, the cells shown of the table
 * that it is the sum of, that leaves hidden cells narrower than "at least T, over two cells or
 * more": from the total, and from each bar of each chart (years included) that is a sum of table
 * cells, a bar counting as published when the document draws it or when it is the only bar of a
 * chart whose bars add up to the total that is not drawn (total minus the others).
 */
function disclosures(
  cases: readonly CountedCase[],
  groupBy: StatisticsDimension[],
  threshold: number,
): Disclosure[] {
  const document = documentOf(cases, groupBy, threshold);
  const truth = countCases(cases, groupBy).groups;
  const published = new Map(document.counts.groups.map((cell) => [JSON.stringify(cell.values), cell.cases]));
  const shown = (cell: CountCell) => published.get(JSON.stringify(cell.values));
  const found: Disclosure[] = [];
  const check = (what: string, publishedNumber: number, cells: readonly CountCell[]) => {
    const hidden = cells.filter((cell) => typeof shown(cell) !== 'number');
    const residual =
      publishedNumber -
      cells.reduce((sum, cell) => sum + (typeof shown(cell) === 'number' ? cell.cases : 0), 0);
    const safe = hidden.length === 0 || (hidden.length >= 2 && residual >= threshold);
    if (!safe) found.push({ what, residual, hiddenCells: hidden.length });
  };
  const sum = (cells: readonly CountCell[]) => cells.reduce((total, cell) => total + cell.cases, 0);
  // The total, when the table's cells add up to it.
  if (typeof document.counts.total === 'number' && sum(truth) === cases.length)
    check('total', document.counts.total, truth);

  const charts = statisticsCharts(document);
  const casesOfCell = new Map<string, CountedCase[]>();
  for (const one of cases)
    for (const values of combinationsOf(one, groupBy)) {
      const key = JSON.stringify(values);
      casesOfCell.set(key, [...(casesOfCell.get(key) ?? []), one]);
    }
  for (const view of VIEWS) {
    const bars = countCases(cases, [view.dimension]).groups.map((bar) => ({
      value: bar.values[0]!,
      cases: bar.cases,
    }));
    const figures = view.figures(charts);
    const drawn = new Map(figures.values.map((bar) => [bar.label, bar.value]));
    const publishedBar = new Map<string, number>();
    for (const bar of bars) {
      const value = drawn.get(view.label(bar.value));
      if (value !== undefined) publishedBar.set(bar.value, value);
    }
    const notDrawn = bars.filter((bar) => !publishedBar.has(bar.value));
    if (view.singleValued && notDrawn.length === 1 && typeof document.counts.total === 'number')
      publishedBar.set(
        notDrawn[0]!.value,
        document.counts.total - [...publishedBar.values()].reduce((total, value) => total + value, 0),
      );
    const position = groupBy.indexOf(view.dimension);
    for (const bar of bars) {
      const publishedNumber = publishedBar.get(bar.value);
      if (publishedNumber === undefined) continue;
      // The cells the bar sums: those of its value when the table has the dimension, else
      // those whose every case has its value (a State's cases for its regional group).
      const cells =
        position >= 0
          ? truth.filter((cell) => cell.values[position] === bar.value)
          : truth.filter((cell) =>
              (casesOfCell.get(JSON.stringify(cell.values)) ?? []).every((one) =>
                view.valuesOfCase(one).includes(bar.value),
              ),
            );
      if (cells.length > 0 && sum(cells) === bar.cases)
        check(`${view.dimension} ${bar.value}`, publishedNumber, cells);
    }
  }
  return found;
}

const STATES = ['RUS', 'BLR', 'UKR', 'CHN', 'IND', 'USA', 'FRA', 'NIC', 'VEN'];
const ACTS = ['threats', 'travel-ban', 'hacking'] as const;
const DIMENSIONS: StatisticsDimension[] = [
  'state',
  'region',
  'year',
  'actType',
  'replyStatus',
  'hrcMember',
  'gender',
  'online',
  'verificationOutcome',
];

const caseArbitrary = fc
  .record({
    state: fc.constantFrom(...STATES),
    year: fc.constantFrom(2010, 2024, 2025, 2026),
    acts: fc.uniqueArray(fc.record({ type: fc.constantFrom(...ACTS), online: fc.boolean() }), {
      maxLength: 2,
      selector: (act) => act.type,
    }),
    genders: fc.uniqueArray(fc.constantFrom('woman', 'man'), { minLength: 1, maxLength: 2 }),
    reply: fc.constantFrom('replied', 'deadline-missed', 'awaiting', 'none'),
    verified: fc.boolean(),
    copies: fc.integer({ min: 1, max: 9 }),
  })
  .map(({ state, year, acts, genders, reply, verified, copies }) =>
    Array.from({ length: copies }, () =>
      counted({
        stateConcerned: state,
        year,
        acts: acts.map((act) => ({ ...act, perpetrator: 'state' })),
        victims: genders.map((gender) => ({ kind: 'individual', profile: 'journalist', gender })),
        verificationOutcome: verified ? 'verified' : null,
        firstReplyType: reply === 'replied' ? 'acknowledgement' : null,
        deadlinesMissed: reply === 'deadline-missed' ? 1 : 0,
        communicationsSent: reply === 'none' ? 0 : 1,
      }),
    ),
  );

describe('one statistics document: its table, its years and its charts together', () => {
  it('given 9 cases of the Russian Federation, 3 of Belarus, 6 of China and 20 of the United States, when exported by State, then the chart of regional groups does not give Belarus or China away', () => {
    const cases = [
      ...Array.from({ length: 9 }, () => counted({ stateConcerned: 'RUS' })),
      ...Array.from({ length: 3 }, () => counted({ stateConcerned: 'BLR' })),
      ...Array.from({ length: 6 }, () => counted({ stateConcerned: 'CHN' })),
      ...Array.from({ length: 20 }, () => counted({ stateConcerned: 'USA' })),
    ];

    const document = documentOf(cases, ['state'], 5);
    const charts = statisticsCharts(document);
    const html = statisticsHtml(document);

    expect(document.counts.groups.map((cell) => [cell.values[0], cell.cases])).toEqual([
      ['BLR', '<5'],
      ['CHN', SUPPRESSED],
      // Eastern European 12 (by regional group) minus the Russian Federation 9 would give Belarus.
      ['RUS', SUPPRESSED],
      ['USA', 20],
    ]);
    // Eastern European = Belarus + Russian Federation, Asia-Pacific = China: neither drawn.
    expect(charts.byRegion.values).toEqual([
      {
        label: 'Western European and other States / États d’Europe occidentale et autres États'.replace(
          '’',
          "'",
        ),
        value: 20,
      },
    ]);
    expect(charts.byRegion.withheld.map((bar) => bar.shown)).toEqual([SUPPRESSED, SUPPRESSED]);
    expect(html).toContain(
      'worked out: Asia-Pacific States / États d&#39;Asie et du Pacifique (suppressed); Eastern European States / États d&#39;Europe orientale (suppressed).',
    );
    expect(html).not.toMatch(/Eastern European States[^<]*: 12/);
    expect(html).not.toMatch(/Asia-Pacific States[^<]*: 6/);
    expect(disclosures(cases, ['state'], 5)).toEqual([]);
  });

  it('given random cases, small counts among them, and a random groupBy, when the document is made, then no bar, year or total minus the cells shown that it sums gives a hidden cell away', () => {
    const scenario = fc.record({
      threshold: fc.integer({ min: 2, max: 5 }),
      groups: fc.array(caseArbitrary, { minLength: 1, maxLength: 14 }),
      groupBy: fc.uniqueArray(fc.constantFrom(...DIMENSIONS), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(scenario, ({ threshold, groups, groupBy }) => {
        expect(disclosures(groups.flat(), groupBy, threshold)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

/**
 * What a reader learns of a small cell of a table by State from a second request of the same
 * period by regional group (or membership) instead of State, the other dimensions the same: a
 * group's count minus its States shown is the sum of its States hidden. Returns every group whose
 * count, published as a number, leaves a single hidden small cell, or, in a line that had enough
 * to hide, narrows a small cell below 1..T−1.
 */
function groupingDisclosures(
  cases: readonly CountedCase[],
  groupBy: StatisticsDimension[],
  grouping: 'region' | 'hrcMember',
  threshold: number,
): string[] {
  const statePosition = groupBy.indexOf('state');
  const byGroup = groupBy.map((dimension) => (dimension === 'state' ? grouping : dimension));
  const truth = countCases(cases, groupBy).groups;
  const shown = new Map(
    publishStatistics(cases, groupBy, threshold).counts.groups.map((cell) => [
      JSON.stringify(cell.values),
      cell.cases,
    ]),
  );
  // The values of the grouping that the cases of each State cell have.
  const groupingValues = new Map<string, Set<string>>();
  for (const one of cases)
    for (const values of combinationsOf(one, groupBy)) {
      const key = JSON.stringify(values);
      groupingValues.set(key, new Set([...(groupingValues.get(key) ?? []), ...valuesOf(one, grouping)]));
    }
  const found: string[] = [];
  const groups = publishStatistics(cases, byGroup, threshold).counts.groups;
  for (const group of groups) {
    if (typeof group.cases !== 'number') continue;
    const others = JSON.stringify(group.values.filter((_, position) => position !== statePosition));
    const value = group.values[statePosition]!;
    const sameOthers = truth.filter(
      (cell) => JSON.stringify(cell.values.filter((_, position) => position !== statePosition)) === others,
    );
    const valuesOfCell = (cell: CountCell) => groupingValues.get(JSON.stringify(cell.values))!;
    // A State cell with several membership values is summed only in part: no exact subtraction.
    if (sameOthers.some((cell) => valuesOfCell(cell).size > 1 && valuesOfCell(cell).has(value))) continue;
    const line = sameOthers.filter((cell) => valuesOfCell(cell).has(value));
    expect(line.reduce((sum, cell) => sum + cell.cases, 0)).toBe(group.cases);
    const published = (cell: CountCell) => shown.get(JSON.stringify(cell.values));
    const hidden = line.filter((cell) => typeof published(cell) !== 'number');
    const small = hidden.filter((cell) => cell.cases < threshold);
    const large = line.filter((cell) => cell.cases >= threshold);
    const suppressed = hidden.length - small.length;
    const residual = hidden.reduce((sum, cell) => sum + cell.cases, 0);
    const what = `${grouping} ${group.values.join('/')} = ${group.cases}`;
    if (hidden.length === 1 && small.length === 1) found.push(`${what}: gives ${small[0]!.values.join('/')}`);
    const coverable =
      small.length > 0 &&
      large.length > 0 &&
      small.reduce((sum, cell) => sum + cell.cases - 1, 0) +
        large.reduce((sum, cell) => sum + cell.cases - threshold, 0) >=
        threshold - 2;
    if (!coverable) continue;
    for (const cell of small) {
      const high = Math.min(threshold - 1, residual - (small.length - 1) - suppressed * threshold);
      const low = suppressed > 0 ? 1 : Math.max(1, residual - (small.length - 1) * (threshold - 1));
      if (low !== 1 || high !== threshold - 1)
        found.push(`${what}: narrows ${cell.values.join('/')} to ${low}..${high}`);
    }
  }
  return found;
}

describe('two requests of the same period: by State, and by regional group or membership instead', () => {
  it('given random cases and a random groupBy with the State, when read again by regional group (or by membership, with the year), then no group count minus its States shown gives a hidden cell away', () => {
    const scenario = fc.record({
      threshold: fc.integer({ min: 2, max: 5 }),
      groups: fc.array(caseArbitrary, { minLength: 1, maxLength: 14 }),
      others: fc.uniqueArray(
        fc.constantFrom(
          ...DIMENSIONS.filter((dimension) => !['state', 'region', 'hrcMember'].includes(dimension)),
        ),
        { maxLength: 2 },
      ),
      statePosition: fc.nat({ max: 2 }),
    });
    fc.assert(
      fc.property(scenario, ({ threshold, groups, others, statePosition }) => {
        const groupBy = [...others];
        groupBy.splice(Math.min(statePosition, others.length), 0, 'state');
        const cases = groups.flat();
        expect(groupingDisclosures(cases, groupBy, 'region', threshold)).toEqual([]);
        // Membership is that of the year: exact per year, and without the year wherever each
        // State's cases share one membership value.
        expect(groupingDisclosures(cases, groupBy, 'hrcMember', threshold)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
