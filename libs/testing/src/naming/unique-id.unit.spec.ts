import { uniqueId } from './unique-id';

describe('uniqueId', () => {
  it('is short, keeps the prefix and differs on every call', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => uniqueId('allegations')));
    expect(ids.size).toBe(10_000);
    for (const id of ids) {
      expect(id).toMatch(/^allegations-[0-9a-z]+-[0-9a-z]+$/);
      expect(id.length).toBeLessThan(32);
    }
  });

  it('replaces characters topics and identifiers do not accept', () => {
    expect(uniqueId('a b/c', '_')).toMatch(/^a_b_c_[0-9a-z]+_[0-9a-z]+$/);
  });
});
