import { databaseNameOf, describeDatabaseUrl, withDatabase } from './database-url';

describe('database URLs', () => {
  const url = 'postgres://postgres:s3cret@127.0.0.1:5433/reprisals?sslmode=disable';

  it('reads the database name', () => {
    expect(databaseNameOf(url)).toBe('reprisals');
    expect(databaseNameOf('postgresql://u@h/with%20space')).toBe('with space');
  });

  it('rejects a URL without a database', () => {
    expect(() => databaseNameOf('postgres://u@h:5432')).toThrow(/names no database/);
  });

  it('swaps the database and keeps everything else', () => {
    expect(withDatabase(url, 'postgres')).toBe(
      'postgres://postgres:s3cret@127.0.0.1:5433/postgres?sslmode=disable',
    );
  });

  it('describes a URL without credentials', () => {
    expect(describeDatabaseUrl(url)).toBe('127.0.0.1:5433/reprisals');
  });
});
