import { countCases } from './case-counts';
import { publishCounts, SUPPRESSED } from './small-count-suppression';
import { combinationsOf, valuesOf, type CountedCase } from './statistics-dimensions';
import { countedCase } from './counted-case.test-support';

const counted = (overrides: Partial<CountedCase> = {}): CountedCase =>
  countedCase({ year: 2024, ...overrides });

const many = (count: number, overrides: Partial<CountedCase>): CountedCase[] =>
  Array.from({ length: count }, () => counted(overrides));

describe('counting cases by regional group', () => {
  it('given cases of Member States, when valued by region, then each takes the UN regional group of its State', () => {
    expect(valuesOf(counted({ stateConcerned: 'BLR' }), 'region')).toEqual(['eastern-european']);
    expect(valuesOf(counted({ stateConcerned: 'NIC' }), 'region')).toEqual(['latin-american-caribbean']);
    expect(valuesOf(counted({ stateConcerned: 'CHN' }), 'region')).toEqual(['asia-pacific']);
    expect(valuesOf(counted({ stateConcerned: 'EGY' }), 'region')).toEqual(['african']);
    expect(valuesOf(counted({ stateConcerned: 'USA' }), 'region')).toEqual(['western-european-others']);
  });

  it('given a case of an Observer State or of a fictional demo State, when valued by region, then it is in no group', () => {
    expect(valuesOf(counted({ stateConcerned: 'PSE' }), 'region')).toEqual(['no-group']);
    expect(valuesOf(counted({ stateConcerned: 'VAT' }), 'region')).toEqual(['no-group']);
    expect(valuesOf(counted({ stateConcerned: 'XZZ' }), 'region')).toEqual(['no-group']);
  });

  it('given cases of two States of one group and one of another, when grouped by region, then the two count together', () => {
    const counts = countCases(
      [
        counted({ stateConcerned: 'BLR' }),
        counted({ stateConcerned: 'RUS' }),
        counted({ stateConcerned: 'NIC' }),
      ],
      ['region'],
    );
    expect(counts.groups).toEqual([
      { values: ['eastern-european'], cases: 2 },
      { values: ['latin-american-caribbean'], cases: 1 },
    ]);
  });
});

describe('counting cases by membership of the Human Rights Council', () => {
  it('given a State that sat on the Council the year a case was received, when valued, then the case is of a member', () => {
    expect(valuesOf(counted({ stateConcerned: 'CHN', year: 2024 }), 'hrcMember')).toEqual(['member']);
    expect(valuesOf(counted({ stateConcerned: 'VEN', year: 2013 }), 'hrcMember')).toEqual(['member']);
  });

  it('given a State that did not sit that year, when valued, then the case is of a non-member, even if the State sat another year', () => {
    expect(valuesOf(counted({ stateConcerned: 'BLR', year: 2024 }), 'hrcMember')).toEqual(['not-member']);
    expect(valuesOf(counted({ stateConcerned: 'RUS', year: 2023 }), 'hrcMember')).toEqual(['not-member']);
    expect(valuesOf(counted({ stateConcerned: 'RUS', year: 2022 }), 'hrcMember')).toEqual(['member']);
  });

  it('given a fictional demo State in a year shipped, when valued, then it is no member', () => {
    expect(valuesOf(counted({ stateConcerned: 'XZZ', year: 2024 }), 'hrcMember')).toEqual(['not-member']);
  });

  it('given a year whose membership is not shipped, when valued, then the membership is not recorded', () => {
    expect(valuesOf(counted({ stateConcerned: 'CHN', year: 2010 }), 'hrcMember')).toEqual(['not-recorded']);
    expect(valuesOf(counted({ stateConcerned: 'CHN', year: 2040 }), 'hrcMember')).toEqual(['not-recorded']);
  });

  it('given region, membership and year together, when combined, then a case counts once, under its own values', () => {
    expect(
      combinationsOf(counted({ stateConcerned: 'CUB', year: 2024 }), ['region', 'hrcMember', 'year']),
    ).toEqual([['latin-american-caribbean', 'member', '2024']]);
  });
});

describe('hiding small counts of the new dimensions', () => {
  it('given one region with a small count, when published, then it reads "<5" and a larger region is withheld with it', () => {
    const cases = [
      ...many(2, { stateConcerned: 'NIC' }),
      ...many(12, { stateConcerned: 'BLR' }),
      ...many(30, { stateConcerned: 'CHN' }),
    ];

    const published = publishCounts(countCases(cases, ['region']), 5);

    expect(published.total).toBe(44);
    expect(published.groups).toEqual([
      { values: ['asia-pacific'], cases: 30 },
      { values: ['eastern-european'], cases: SUPPRESSED },
      { values: ['latin-american-caribbean'], cases: '<5' },
    ]);
  });

  it('given membership by year with a small cell, when published, then its row and column hide another each', () => {
    const cases = [
      ...many(3, { stateConcerned: 'CHN', year: 2024 }),
      ...many(9, { stateConcerned: 'BLR', year: 2024 }),
      ...many(11, { stateConcerned: 'CHN', year: 2025 }),
      ...many(14, { stateConcerned: 'BLR', year: 2025 }),
    ];

    const published = publishCounts(countCases(cases, ['hrcMember', 'year']), 5);

    expect(published.groups.map((cell) => cell.cases)).toEqual(['<5', SUPPRESSED, SUPPRESSED, SUPPRESSED]);
    expect(published.groups.map((cell) => cell.values)).toEqual([
      ['member', '2024'],
      ['member', '2025'],
      ['not-member', '2024'],
      ['not-member', '2025'],
    ]);
  });
});
