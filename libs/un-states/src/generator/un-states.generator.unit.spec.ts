import { readFileSync } from 'node:fs';
import { UN_STATES_DATA_PATH, parseUnStates } from '../un-states.loader';
import {
  UN_MEMBERSHIP,
  UnStatesInputError,
  buildUnStates,
  generateUnStatesYaml,
  type MembershipInput,
} from './un-states.generator';

const problemsOf = (input: MembershipInput): readonly string[] => {
  try {
    buildUnStates(input);
  } catch (error) {
    if (error instanceof UnStatesInputError) return error.problems;
    throw error;
  }
  return [];
};

describe('the UN States generator', () => {
  it('wrote the committed data file: run `npm run un-states:generate` when this fails', () => {
    expect(readFileSync(UN_STATES_DATA_PATH, 'utf8')).toBe(generateUnStatesYaml());
  });

  it('writes a list the services can read, with the UN English names', () => {
    const states = parseUnStates(generateUnStatesYaml());
    expect(states).toHaveLength(195);
    for (const [code, name] of Object.entries(UN_MEMBERSHIP.englishNames)) {
      expect(states.find((state) => state.alpha3 === code)?.names.en).toBe(name);
    }
  });

  it('takes the other languages from ISO, not from the English overrides', () => {
    const tur = buildUnStates().find((state) => state.alpha3 === 'TUR');
    expect(tur?.names).toMatchObject({ en: 'Türkiye', es: 'Turquía', zh: '土耳其' });
  });

  it('refuses a membership list that is not 193 Members and two Observers, each once', () => {
    expect(problemsOf({ ...UN_MEMBERSHIP, members: UN_MEMBERSHIP.members.slice(1) })).toEqual([
      '192 Member States, not 193',
    ]);
    expect(problemsOf({ ...UN_MEMBERSHIP, members: [...UN_MEMBERSHIP.members.slice(1), 'FRA'] })).toEqual([
      'listed more than once: FRA',
      '192 Member States, not 193',
    ]);
    expect(problemsOf({ ...UN_MEMBERSHIP, observers: ['VAT'] })).toEqual([
      '1 Observer States, not 2',
      'English names for codes not listed: PSE',
    ]);
  });

  it('refuses a code ISO does not have and a name for a State not listed', () => {
    expect(
      problemsOf({
        ...UN_MEMBERSHIP,
        members: [...UN_MEMBERSHIP.members.slice(1), 'XKX'],
        englishNames: { ...UN_MEMBERSHIP.englishNames, TWN: 'Taiwan' },
      }),
    ).toEqual(['English names for codes not listed: TWN', 'XKX is not an ISO 3166-1 alpha-3 code']);
  });
});
