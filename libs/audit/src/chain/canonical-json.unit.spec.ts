import { canonicalJson } from './canonical-json';

describe('canonicalJson (RFC 8785 for ids, strings, integers and dates)', () => {
  it('given object members in any order, when canonicalised, then they are sorted by UTF-16 code units (RFC 8785 3.2.3)', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };

    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('given control characters, quotes and solidus, when canonicalised, then strings are escaped as RFC 8785 3.2.2.2 shows', () => {
    expect(canonicalJson('\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/')).toBe(
      '"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"',
    );
  });

  it('given nested values and literals, when canonicalised, then there is no whitespace and nesting is sorted too', () => {
    expect(canonicalJson({ b: [3, null, true, false, { z: 1, a: -0 }], a: 'x' })).toBe(
      '{"a":"x","b":[3,null,true,false,{"a":0,"z":1}]}',
    );
  });

  it('given the same content built in two orders, when canonicalised, then both give the same text', () => {
    expect(canonicalJson({ id: 'a', seq: 1, at: '2026-01-01T00:00:00.000Z' })).toBe(
      canonicalJson({ at: '2026-01-01T00:00:00.000Z', seq: 1, id: 'a' }),
    );
  });

  it.each([
    ['a fraction', 0.5],
    ['an unsafe integer', 2 ** 53],
    ['infinity', Number.POSITIVE_INFINITY],
    ['not a number', Number.NaN],
  ])('given %s, when canonicalised, then it is refused', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow('safe integers only');
  });

  it('given undefined, a Date object or a function, when canonicalised, then it is refused', () => {
    expect(() => canonicalJson({ a: undefined } as never)).toThrow('undefined');
    expect(() => canonicalJson(new Date(0) as never)).toThrow('plain objects only');
    expect(() => canonicalJson((() => 1) as never)).toThrow('type function');
  });
});
