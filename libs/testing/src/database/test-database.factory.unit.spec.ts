import { testDatabaseServerUrl } from './test-database.factory';

describe('testDatabaseServerUrl', () => {
  it('prefers DATABASE_URL', () => {
    expect(testDatabaseServerUrl({ DATABASE_URL: 'postgres://u@db:5432/x' })).toBe('postgres://u@db:5432/x');
  });

  it('defaults to the local server', () => {
    expect(testDatabaseServerUrl({})).toBe('postgres://postgres@127.0.0.1:5432/postgres');
  });
});
