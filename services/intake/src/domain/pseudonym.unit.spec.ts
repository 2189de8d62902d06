import { pseudonymsFor } from './pseudonym';

describe('pseudonyms', () => {
  it('given a case with two victims, when pseudonyms are drawn, then they differ and follow V-XXXX', () => {
    const [first, second] = pseudonymsFor('V', 2);
    expect(first).toMatch(/^V-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(second).not.toBe(first);
  });

  it('given pseudonyms already taken, when more are drawn, then none repeats them', () => {
    const taken = new Set(pseudonymsFor('S', 200));
    const drawn = pseudonymsFor('S', 50, taken);
    expect(drawn.filter((pseudonym) => taken.has(pseudonym))).toEqual([]);
    expect(new Set(drawn).size).toBe(50);
  });
});
