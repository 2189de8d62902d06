import { hrcMembershipOf, hrcMembershipYears } from '@reprisals/un-states';
import { publishStatistics } from './published-statistics';
import { SUPPRESSED } from './small-count-suppression';
import type { CountedCase } from './statistics-dimensions';

const T = 5;

function many(count: number, stateConcerned: string, year = 2026): CountedCase[] {
  return Array.from({ length: count }, () => ({
    year,
    stateConcerned,
    victims: [{ kind: 'individual', profile: 'journalist', gender: 'woman' }],
    acts: [{ type: 'travel-ban', online: false, perpetrator: 'state' }],
    mechanism: 'universal-periodic-review',
    category: 'a',
    publish: 'no',
    verificationOutcome: null,
    responseActions: [],
    communicationsSent: 0,
    deadlinesMissed: 0,
    firstReplyType: null,
  }));
}

const bars = (counts: { groups: Array<{ values: string[]; cases: unknown }> }) =>
  Object.fromEntries(counts.groups.map((cell) => [cell.values.join('/'), cell.cases]));

describe('the charts published beside the table', () => {
  it('given a table by State whose hidden cells are all Eastern European, when the regional groups are charted, then that group is withheld and another with it, so that the total minus the bars drawn does not give it', () => {
    // Eastern European: Belarus 3 (small), Ukraine 6 (withheld with it), the Russian Federation 9.
    const cases = [
      ...many(3, 'BLR'),
      ...many(6, 'UKR'),
      ...many(9, 'RUS'),
      ...many(8, 'CHN'),
      ...many(20, 'USA'),
    ];

    const published = publishStatistics(cases, ['state'], T);

    expect(bars(published.counts)).toEqual({ BLR: '<5', CHN: 8, RUS: 9, UKR: SUPPRESSED, USA: 20 });
    expect(bars(published.charts.region)).toEqual({
      'asia-pacific': SUPPRESSED,
      'eastern-european': SUPPRESSED,
      'western-european-others': 20,
    });
    expect(published.counts.total).toBe(46);
  });

  it('given a table by State, when the chart has a dimension the table does not break down, then its bars are drawn whatever the table hides', () => {
    const cases = [...many(3, 'BLR'), ...many(9, 'RUS'), ...many(20, 'USA')];

    const published = publishStatistics(cases, ['state'], T);

    expect(bars(published.charts.actType)).toEqual({ 'travel-ban': 32 });
    expect(published.counts.years).toEqual([{ year: 2026, cases: 32 }]);
  });

  it('given a table by HRC membership and two years whose membership is not recorded, when the years are published, then those years, which add up to the hidden "not recorded" cell, are withheld', () => {
    const [first] = hrcMembershipYears();
    const year = 2026;
    const states = ['RUS', 'BLR', 'CHN', 'IND', 'USA', 'FRA', 'NIC', 'VEN', 'UKR', 'BRA', 'DEU', 'JPN'];
    const member = states.find((state) => hrcMembershipOf(state, year) === 'member')!;
    const notMember = states.find((state) => hrcMembershipOf(state, year) === 'not-member')!;
    const before = first! - 2;
    // Not recorded: 6 + 7 = 13, hidden beside 3 members; 6 and 7 drawn would give 13, and 3.
    const cases = [
      ...many(6, notMember, before),
      ...many(7, notMember, before + 1),
      ...many(3, member, year),
      ...many(20, notMember, year),
    ];

    const published = publishStatistics(cases, ['hrcMember'], T);

    expect(bars(published.counts)).toEqual({ member: '<5', 'not-member': 20, 'not-recorded': SUPPRESSED });
    expect(published.counts.years).toEqual([
      { year: before, cases: SUPPRESSED },
      { year: before + 1, cases: SUPPRESSED },
      { year, cases: SUPPRESSED },
    ]);
  });
});

describe('two requests of the same period: by State, then by regional group or membership instead', () => {
  // In 2026 China sits on the Human Rights Council; Belarus, the Russian Federation and the United States do not.
  const cases = () => [...many(9, 'RUS'), ...many(3, 'BLR'), ...many(6, 'CHN'), ...many(20, 'USA')];

  it('given 9 cases of the Russian Federation, 3 of Belarus, 6 of China and 20 of the United States, when read by State and then by regional group, then the Eastern European count minus the States shown does not give Belarus', () => {
    const byState = publishStatistics(cases(), ['state'], T);
    const byRegion = publishStatistics(cases(), ['region'], T);

    expect(bars(byRegion.counts)).toEqual({
      'asia-pacific': 6,
      'eastern-european': 12,
      'western-european-others': 20,
    });
    // Eastern European 12 is Belarus and the Russian Federation: both hidden, 12 is their sum only.
    expect(bars(byState.counts)).toMatchObject({ BLR: '<5', RUS: SUPPRESSED, USA: 20 });
    expect(byState.counts.total).toBe(38);
  });

  it('given the same cases, when read by State and then by membership of the Human Rights Council, then the count of non-members minus the States shown does not give Belarus', () => {
    const byState = publishStatistics(cases(), ['state'], T);
    const byMembership = publishStatistics(cases(), ['hrcMember'], T);

    expect(bars(byMembership.counts)).toEqual({ member: 6, 'not-member': 32 });
    // Non-members 32 minus the United States 20: Belarus and the Russian Federation together.
    expect(bars(byState.counts)).toMatchObject({ BLR: '<5', RUS: SUPPRESSED, USA: 20 });
  });

  it('given a State that left the Council, when read by State and year and then by membership and year, then the non-members of each year minus their States shown give no small count', () => {
    // 2024: the United States a member, with China; 2025: the United States no longer.
    const twoYears = [
      ...many(3, 'USA', 2024),
      ...many(7, 'CHN', 2024),
      ...many(4, 'USA', 2025),
      ...many(9, 'RUS', 2025),
      ...many(8, 'CHN', 2025),
    ];

    const byStateAndYear = bars(publishStatistics(twoYears, ['state', 'year'], T).counts);
    const byMembership = bars(publishStatistics(twoYears, ['hrcMember', 'year'], T).counts);

    expect(byMembership).toMatchObject({ 'member/2024': 10, 'not-member/2025': 13, 'member/2025': 8 });
    expect(byStateAndYear).toMatchObject({
      'USA/2024': '<5',
      'CHN/2024': SUPPRESSED,
      'USA/2025': '<5',
      'RUS/2025': SUPPRESSED,
    });
  });
});
