import { Client } from 'pg';

/** One row of a table, as JSON text (row_to_json): every column, whatever its type. */
export interface StoredRow {
  table: string;
  row: string;
}

/** Every row of every table of every schema of the database, as PostgreSQL holds it. */
export async function everyStoredRow(databaseUrl: string): Promise<StoredRow[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2`,
    );
    const stored: StoredRow[] = [];
    for (const table of tables) {
      const { rows } = await client.query<{ row: string }>(
        `SELECT row_to_json(t)::text AS row FROM "${table.schema}"."${table.name}" t`,
      );
      stored.push(...rows.map(({ row }) => ({ table: `${table.schema}.${table.name}`, row })));
    }
    return stored;
  } finally {
    await client.end();
  }
}

/** Every text value of every row of every table of every schema, one row a line. */
export async function everyStoredValue(databaseUrl: string): Promise<string> {
  return (await everyStoredRow(databaseUrl)).map((stored) => stored.row).join('\n');
}
