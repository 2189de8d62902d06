import { FICTIONAL_REGIONAL_GROUPS, FICTIONAL_STATES, isFictionalStateCode } from './fictional-states';
import { hrcMembershipOf, hrcMembershipYears } from './hrc-membership';
import {
  NO_REGIONAL_GROUP,
  UN_REGIONAL_GROUPS,
  unRegionalGroupMembers,
  unRegionalGroupOf,
} from './regional-groups';
import { unStateSchema } from './un-state';
import {
  admitFictionalStates,
  findUnState,
  fictionalStatesAdmitted,
  knownStates,
  NOT_A_UN_STATE,
  UN_STATES,
  unStateCodeSchema,
  unStateName,
} from './un-states';

const messagesOf = (value: unknown) =>
  unStateCodeSchema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe('the fictional States of a demonstration', () => {
  afterEach(() => admitFictionalStates(false));

  it('use only the alpha-3 and alpha-2 codes ISO 3166-1 leaves to its users, never a UN State’s', () => {
    expect(FICTIONAL_STATES.length).toBeGreaterThanOrEqual(5);
    for (const state of FICTIONAL_STATES) {
      expect(unStateSchema.parse(state)).toEqual(state);
      expect(state.alpha3).toMatch(/^X[A-Z]{2}$/);
      expect(state.alpha2).toMatch(/^X[A-Z]$/);
      expect([state.names.en, state.names.fr, state.names.es].every(Boolean)).toBe(true);
      expect(UN_STATES.some((real) => real.alpha3 === state.alpha3 || real.alpha2 === state.alpha2)).toBe(
        false,
      );
    }
    expect(new Set(FICTIONAL_STATES.map((state) => state.alpha2)).size).toBe(FICTIONAL_STATES.length);
  });

  it('are unknown codes unless the process admitted them: a 400 names them as any other', () => {
    expect(isFictionalStateCode('XRU')).toBe(true);
    expect(fictionalStatesAdmitted()).toBe(false);
    expect(findUnState('XRU')).toBeUndefined();
    expect(messagesOf('XRU')).toEqual([NOT_A_UN_STATE]);
    expect(knownStates()).toBe(UN_STATES);
  });

  it('once admitted, are found, named and listed in alpha-3 order with the UN States; and no longer once dismissed', () => {
    admitFictionalStates(true);
    expect(fictionalStatesAdmitted()).toBe(true);
    expect(messagesOf('XRU')).toEqual([]);
    expect(unStateName('XRU', 'fr')).toBe('Ruritanie');
    expect(unStateName('XSY', 'ar')).toBe('Syldavia');
    const codes = knownStates().map((state) => state.alpha3);
    expect(codes).toHaveLength(UN_STATES.length + FICTIONAL_STATES.length);
    expect(codes).toEqual([...codes].sort());
    expect(messagesOf('BLR')).toEqual([]);

    admitFictionalStates(false);
    expect(findUnState('XRU')).toBeUndefined();
    expect(messagesOf('XRU')).toEqual([NOT_A_UN_STATE]);
  });
});

describe('the regional groups and Council seats of the fictional States', () => {
  afterEach(() => admitFictionalStates(false));
  const codes = FICTIONAL_STATES.map((state) => state.alpha3);

  it('given a process outside demo mode, when their group is looked up, then they are in none, like any unknown code', () => {
    expect(codes.map((code) => unRegionalGroupOf(code))).toEqual(codes.map(() => NO_REGIONAL_GROUP));
  });

  it('given a process in demo mode, when their group is looked up, then each is in a UN regional group, at least three groups in all; and in none once dismissed', () => {
    admitFictionalStates(true);
    expect(Object.fromEntries(codes.map((code) => [code, unRegionalGroupOf(code)]))).toEqual({
      XBO: 'eastern-european',
      XEL: 'african',
      XFR: 'latin-american-caribbean',
      XGR: 'western-european-others',
      XRU: 'eastern-european',
      XSY: 'eastern-european',
    });
    expect([...FICTIONAL_REGIONAL_GROUPS.keys()].sort()).toEqual([...codes].sort());
    expect(new Set(codes.map((code) => unRegionalGroupOf(code))).size).toBeGreaterThanOrEqual(3);
    // The real States keep theirs, and the groups' lists of Member States stay the UN's.
    expect(unRegionalGroupOf('BLR')).toBe('eastern-european');
    expect(unRegionalGroupOf('VAT')).toBe(NO_REGIONAL_GROUP);
    const members = UN_REGIONAL_GROUPS.flatMap((group) => unRegionalGroupMembers(group));
    expect(members).toHaveLength(193);
    expect(members.some((code) => isFictionalStateCode(code))).toBe(false);

    admitFictionalStates(false);
    expect(unRegionalGroupOf('XRU')).toBe(NO_REGIONAL_GROUP);
  });

  it('given demo mode, when their membership of the Human Rights Council is looked up, then they never sat on it in a year shipped', () => {
    admitFictionalStates(true);
    for (const year of hrcMembershipYears())
      expect(codes.map((code) => hrcMembershipOf(code, year))).toEqual(codes.map(() => 'not-member'));
    expect(hrcMembershipOf('XRU', 2009)).toBe('not-recorded');
  });
});
