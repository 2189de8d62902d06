import { ALPHA3_PATTERN, UN_LANGUAGES, type UnState } from './un-state';
import {
  findUnState,
  isUnState,
  NOT_A_UN_STATE,
  UN_STATES,
  unStateCodeSchema,
  unStateName,
  unStateNameOf,
} from './un-states';
import { parseUnStates, UnStatesDataError } from './un-states.loader';

const messagesOf = (value: unknown) =>
  unStateCodeSchema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe('the UN States list', () => {
  it('has the 193 Member States and the two non-member Observer States', () => {
    expect(UN_STATES.filter((state) => state.status === 'member')).toHaveLength(193);
    expect(
      UN_STATES.filter((state) => state.status === 'observer')
        .map((state) => state.alpha3)
        .sort(),
    ).toEqual(['PSE', 'VAT']);
    expect(UN_STATES).toHaveLength(195);
  });

  it('lists each State once, by valid ISO 3166-1 alpha-3 and alpha-2 codes, in alpha-3 order', () => {
    const alpha3 = UN_STATES.map((state) => state.alpha3);
    expect(new Set(alpha3).size).toBe(UN_STATES.length);
    expect(new Set(UN_STATES.map((state) => state.alpha2)).size).toBe(UN_STATES.length);
    expect(alpha3.filter((code) => !ALPHA3_PATTERN.test(code))).toEqual([]);
    expect(UN_STATES.filter((state) => !/^[A-Z]{2}$/.test(state.alpha2))).toEqual([]);
    expect(alpha3).toEqual([...alpha3].sort());
  });

  it('names every State in English and in French', () => {
    expect(UN_STATES.filter((state) => !state.names.en?.trim() || !state.names.fr?.trim())).toEqual([]);
  });

  it('uses the UN English short names where they differ from ISO', () => {
    expect(unStateName('TUR')).toBe('Türkiye');
    expect(unStateName('CIV')).toBe("Côte d'Ivoire");
    expect(unStateName('GBR')).toBe('United Kingdom of Great Britain and Northern Ireland');
    expect(unStateName('KOR')).toBe('Republic of Korea');
    expect(unStateName('PRK')).toBe("Democratic People's Republic of Korea");
    expect(unStateName('VNM')).toBe('Viet Nam');
    expect(unStateName('NLD')).toBe('Netherlands (Kingdom of the)');
    expect(unStateName('VAT')).toBe('Holy See');
    expect(unStateName('PSE')).toBe('State of Palestine');
  });

  it('names France and China in the six UN languages', () => {
    expect(findUnState('FRA')).toEqual({
      alpha3: 'FRA',
      alpha2: 'FR',
      status: 'member',
      names: { ar: 'فرنسا', zh: '法国', en: 'France', fr: 'France', ru: 'Франция', es: 'Francia' },
    });
    expect(unStateName('CHN', 'zh')).toBe('中国');
    expect(unStateName('CHN', 'ar')).toBe('الصين');
    expect(unStateName('CHN', 'ru')).toMatch(/Китай/);
    expect(unStateName('CHN', 'es')).toBe('China');
    expect(UN_LANGUAGES.map((language) => unStateName('CHN', language))).not.toContain(undefined);
  });

  it.each(['TWN', 'XKX', 'ABC', 'PRI', 'GRL'])(
    'refuses %s, which is no UN Member or Observer State',
    (code) => {
      expect(isUnState(code)).toBe(false);
      expect(findUnState(code)).toBeUndefined();
      expect(unStateName(code)).toBeUndefined();
      expect(messagesOf(code)).toEqual([NOT_A_UN_STATE]);
    },
  );

  it('accepts a Member State and an Observer State', () => {
    expect(unStateCodeSchema.parse('BLR')).toBe('BLR');
    expect(unStateCodeSchema.parse('VAT')).toBe('VAT');
    expect(isUnState('PSE')).toBe(true);
  });

  it.each(['fra', 'FR', 'FRAN', '', ' FRA'])('refuses %j as not an alpha-3 code, once', (value) => {
    expect(messagesOf(value)).toEqual(['must be an ISO 3166-1 alpha-3 code']);
  });

  it('refuses a value that is not a string', () => {
    expect(messagesOf(250)).toHaveLength(1);
    expect(messagesOf(undefined)).toHaveLength(1);
  });

  it('falls back to the English name where a language has none', () => {
    const state: UnState = {
      alpha3: 'XXA',
      alpha2: 'XA',
      status: 'member',
      names: { en: 'Example', fr: 'Exemple' },
    };
    expect(unStateNameOf(state, 'zh')).toBe('Example');
    expect(unStateNameOf(state, 'fr')).toBe('Exemple');
  });

  it('cannot be changed by its users', () => {
    expect(Object.isFrozen(UN_STATES)).toBe(true);
    expect(Object.isFrozen(findUnState('FRA'))).toBe(true);
    expect(Object.isFrozen(findUnState('FRA')?.names)).toBe(true);
  });
});

describe('reading a States list', () => {
  const entry = (alpha3: string, alpha2: string) =>
    `  - alpha3: ${alpha3}\n    alpha2: ${alpha2}\n    status: member\n    names:\n      en: ${alpha3}\n`;

  it('reads a valid list', () => {
    expect(parseUnStates(`states:\n${entry('AAA', 'AA')}${entry('BBB', 'BB')}`).map((s) => s.alpha3)).toEqual(
      ['AAA', 'BBB'],
    );
  });

  it('names a State without an English name', () => {
    const text = `states:\n${entry('AAA', 'AA')}  - alpha3: BBB\n    alpha2: BB\n    status: member\n    names: { fr: B }\n`;
    expect(() => parseUnStates(text, 'test.yaml')).toThrow(
      'UN States list test.yaml is not valid: states.1.names.en: Invalid input: expected string, received undefined',
    );
  });

  it('names codes out of order and repeated alpha-2 codes', () => {
    const text = `states:\n${entry('BBB', 'BB')}${entry('AAA', 'AA')}${entry('CCC', 'AA')}`;
    expect(() => parseUnStates(text, 'test.yaml')).toThrow(
      'UN States list test.yaml is not valid: states.1.alpha3: AAA is repeated or out of alpha-3 order (after BBB); states.2.alpha2: AA is repeated',
    );
  });

  it('refuses text that is not YAML', () => {
    expect(() => parseUnStates('states: [', 'broken.yaml')).toThrow(UnStatesDataError);
    expect(() => parseUnStates('states: [', 'broken.yaml')).toThrow(
      /broken\.yaml is not valid: not valid YAML/,
    );
  });
});
