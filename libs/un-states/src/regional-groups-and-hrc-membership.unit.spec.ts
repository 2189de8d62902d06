import {
  HRC_MEMBERSHIP,
  HRC_SEATS,
  hrcMembersIn,
  hrcMembersOn,
  hrcMembershipOf,
  hrcMembershipYears,
  parseHrcMembership,
} from './hrc-membership';
import {
  NO_REGIONAL_GROUP,
  parseRegionalGroups,
  UN_REGIONAL_GROUPS,
  unRegionalGroupMembers,
  unRegionalGroupOf,
  type UnRegionalGroup,
} from './regional-groups';
import { UN_STATES } from './un-states';
import { UnStatesDataError } from './un-states.loader';

const MEMBER_STATES = UN_STATES.filter((state) => state.status === 'member').map((state) => state.alpha3);

/** The Council's seats per regional group (General Assembly resolution 60/251, para. 7). */
const SEATS_PER_GROUP: Record<UnRegionalGroup, number> = {
  african: 13,
  'asia-pacific': 13,
  'eastern-european': 6,
  'latin-american-caribbean': 8,
  'western-european-others': 7,
};

describe('the UN regional groups', () => {
  it('given the shipped list, when read, then each of the 193 Member States is in exactly one group and no other code is', () => {
    const grouped = UN_REGIONAL_GROUPS.flatMap((group) => unRegionalGroupMembers(group));

    expect(grouped).toHaveLength(193);
    expect([...grouped].sort()).toEqual([...MEMBER_STATES].sort());
    expect(MEMBER_STATES.filter((code) => unRegionalGroupOf(code) === NO_REGIONAL_GROUP)).toEqual([]);
  });

  it('given the groups, when counted, then their sizes are those of the rule stated in the data file', () => {
    expect(
      Object.fromEntries(UN_REGIONAL_GROUPS.map((group) => [group, unRegionalGroupMembers(group).length])),
    ).toEqual({
      african: 54,
      'asia-pacific': 54,
      'eastern-european': 23,
      'latin-american-caribbean': 33,
      'western-european-others': 29,
    });
  });

  it('given the special cases, when looked up, then Kiribati is Asia-Pacific and Israel, Türkiye and the United States are WEOG', () => {
    expect(unRegionalGroupOf('KIR')).toBe('asia-pacific');
    expect(unRegionalGroupOf('ISR')).toBe('western-european-others');
    expect(unRegionalGroupOf('TUR')).toBe('western-european-others');
    expect(unRegionalGroupOf('USA')).toBe('western-european-others');
    expect(unRegionalGroupOf('BLR')).toBe('eastern-european');
    expect(unRegionalGroupOf('NIC')).toBe('latin-american-caribbean');
  });

  it('given an Observer State or a code that is no Member State, when looked up, then it is in no group', () => {
    expect(unRegionalGroupOf('VAT')).toBe(NO_REGIONAL_GROUP);
    expect(unRegionalGroupOf('PSE')).toBe(NO_REGIONAL_GROUP);
    expect(unRegionalGroupOf('XZZ')).toBe(NO_REGIONAL_GROUP);
  });

  it('given a list with a code in two groups or a malformed code, when parsed, then every problem is named', () => {
    const text = [
      'groups:',
      '  african: [DZA, FRA]',
      '  asia-pacific: [afg]',
      '  eastern-european: []',
      '  latin-american-caribbean: []',
      '  western-european-others: [FRA]',
    ].join('\n');
    expect(() => parseRegionalGroups(text)).toThrow(UnStatesDataError);
    expect(() => parseRegionalGroups(text.replace('[afg]', '[AFG]'))).toThrow(
      'FRA is in african and in western-european-others',
    );
  });
});

describe('the membership of the Human Rights Council', () => {
  const years = hrcMembershipYears();

  it('given the years shipped, when listed, then they run from 2012, the first calendar year with one membership, to 2026', () => {
    expect(years[0]).toBe(2012);
    expect(years.at(-1)).toBe(2026);
    expect(years).toHaveLength(15);
  });

  it.each(hrcMembershipYears())(
    'given %i, when its seats are counted on its first and last day, then there are 47 members, every one a UN Member State, 13/13/6/8/7 by regional group',
    (year) => {
      for (const day of [`${year}-01-01`, `${year}-12-31`]) {
        const members = hrcMembersOn(day);
        expect(members).toHaveLength(HRC_SEATS);
        expect(new Set(members).size).toBe(HRC_SEATS);
        expect(members.filter((code) => !MEMBER_STATES.includes(code))).toEqual([]);
        const perGroup = Object.fromEntries(UN_REGIONAL_GROUPS.map((group) => [group, 0]));
        for (const code of members) perGroup[unRegionalGroupOf(code)]! += 1;
        expect(perGroup).toEqual(SEATS_PER_GROUP);
      }
    },
  );

  it('given a year without a change of seat, when its members are listed, then they are the 47 of its first day', () => {
    for (const year of years.filter((candidate) => candidate !== 2018 && candidate !== 2022))
      expect(hrcMembersIn(year)).toEqual(hrcMembersOn(`${year}-01-01`));
  });

  it('given 2018 and 2022, when a member left during its term, then both it and the State elected for the rest of it sat that year', () => {
    expect(hrcMembershipOf('USA', 2018)).toBe('member');
    expect(hrcMembershipOf('ISL', 2018)).toBe('member');
    expect(hrcMembersOn('2018-07-01')).not.toContain('USA');
    expect(hrcMembersOn('2018-07-01')).not.toContain('ISL');
    expect(hrcMembersOn('2018-07-13')).toContain('ISL');
    expect(hrcMembershipOf('USA', 2019)).toBe('not-member');
    expect(hrcMembershipOf('ISL', 2019)).toBe('member');
    expect(hrcMembershipOf('RUS', 2022)).toBe('member');
    expect(hrcMembershipOf('CZE', 2022)).toBe('member');
    expect(hrcMembershipOf('RUS', 2023)).toBe('not-member');
    expect(hrcMembersIn(2018)).toHaveLength(48);
  });

  it('given States known to have sat or not, when looked up, then the answer follows the elections', () => {
    expect(hrcMembershipOf('CHN', 2024)).toBe('member');
    expect(hrcMembershipOf('BLR', 2024)).toBe('not-member');
    expect(hrcMembershipOf('NIC', 2013)).toBe('not-member');
    expect(hrcMembershipOf('VEN', 2013)).toBe('member');
    expect(hrcMembershipOf('VAT', 2020)).toBe('not-member');
    expect(hrcMembershipOf('XZZ', 2020)).toBe('not-member');
  });

  it('given a year not shipped, when looked up, then the membership is not recorded, whoever the State', () => {
    expect(hrcMembershipOf('CHN', 2009)).toBe('not-recorded');
    expect(hrcMembershipOf('BLR', 2011)).toBe('not-recorded');
    expect(hrcMembershipOf('CHN', HRC_MEMBERSHIP.years.last + 1)).toBe('not-recorded');
  });

  it('given a change for a State that held no seat, or a malformed code, when parsed, then it is refused', () => {
    const base = [
      'years: { first: 2013, last: 2013 }',
      'elections:',
      '  - { held: 2012, firstYear: 2013, lastYear: 2015, elected: [USA] }',
    ];
    expect(() =>
      parseHrcMembership(
        [...base, 'changes:', '  - { left: FRA, on: 2013-06-01, replacedBy: ISL, from: 2013-07-01 }'].join(
          '\n',
        ),
      ),
    ).toThrow('FRA held no seat on 2013-06-01');
    expect(() =>
      parseHrcMembership(
        [
          ...base.slice(0, 2),
          '  - { held: 2012, firstYear: 2013, lastYear: 2015, elected: [usa] }',
          'changes: []',
        ].join('\n'),
      ),
    ).toThrow(UnStatesDataError);
    expect(
      hrcMembersOn(
        '2013-08-01',
        parseHrcMembership(
          [...base, 'changes:', '  - { left: USA, on: 2013-06-01, replacedBy: ISL, from: 2013-07-01 }'].join(
            '\n',
          ),
        ),
      ),
    ).toEqual(['ISL']);
  });
});
