import { standaloneDatabaseName } from './standalone-database';

describe('the embedded database of a standalone start', () => {
  it('given demo mode, when the database is chosen, then it is the demonstration’s own, never the real one', () => {
    expect(standaloneDatabaseName({ DEMO_MODE: 'true' })).toBe('reprisals_demo');
    expect(standaloneDatabaseName({})).toBe('reprisals');
    expect(standaloneDatabaseName({ DEMO_MODE: 'false' })).toBe('reprisals');
  });

  it('given demo mode refused (production), when the database is chosen, then the start stops', () => {
    expect(() => standaloneDatabaseName({ DEMO_MODE: 'true', NODE_ENV: 'production' })).toThrow(
      /NODE_ENV=production/,
    );
  });
});
