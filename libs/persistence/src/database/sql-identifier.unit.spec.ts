import { assertSchemaName, quoteIdentifier } from './sql-identifier';

describe('SQL identifiers', () => {
  it('quotes and escapes', () => {
    expect(quoteIdentifier('intake')).toBe('"intake"');
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
  });

  it.each(['intake', 'state_communication', '_x', 'r2'])('accepts schema %s', (name) => {
    expect(assertSchemaName(name)).toBe(name);
  });

  it.each(['', 'Intake', '2x', 'a-b', 'a;drop', 'pg_temp', 'x'.repeat(64)])('rejects schema "%s"', (name) => {
    expect(() => assertSchemaName(name)).toThrow(/Invalid schema name/);
  });
});
