/** Quotes a PostgreSQL identifier (schema, table, database name) for use in SQL text. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Service schema names are plain lower-case identifiers, so that they need no quoting anywhere
 * (search_path, SQL in migrations, psql) and cannot smuggle SQL.
 */
export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(
      `Invalid schema name "${schema}": use lower-case letters, digits and underscores (at most 63, not starting with a digit)`,
    );
  }
  if (schema.startsWith('pg_'))
    throw new Error(`Invalid schema name "${schema}": the pg_ prefix is reserved`);
  return schema;
}
