import { SeededRandom } from './seeded-random';

describe('a seeded random source', () => {
  it('given one seed, when drawn twice, then the draws are the same; another seed gives others', () => {
    const draws = (seed: number) => {
      const random = new SeededRandom(seed);
      return [random.next(), random.integer(1, 6), random.pick(['a', 'b', 'c']), random.uuid()];
    };
    expect(draws(2026)).toEqual(draws(2026));
    expect(draws(2026)).not.toEqual(draws(2027));
  });

  it('given bounds, when integers are drawn, then each lies between them, both included', () => {
    const random = new SeededRandom(7);
    const seen = new Set(Array.from({ length: 500 }, () => random.integer(1, 3)));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('given weights, when drawn, then a choice of weight 0 never comes; a UUID is a version 4 UUID', () => {
    const random = new SeededRandom(11);
    const picks = Array.from({ length: 200 }, () =>
      random.weighted([
        ['never', 0],
        ['always', 1],
      ] as const),
    );
    expect(new Set(picks)).toEqual(new Set(['always']));
    expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
