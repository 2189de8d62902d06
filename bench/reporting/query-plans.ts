/**
 * Where a database-bound step spends its time: the statements the real code sends while it runs
 * (captured from the data source's logger), each distinct one counted, then explained with
 * EXPLAIN (ANALYZE, BUFFERS) once, on the parameters of its middle occurrence (a page read
 * half-way, not the empty one that ends the reading).
 */
import type { DataSource, Logger } from 'typeorm';

export interface CapturedQuery {
  sql: string;
  parameters: unknown[];
}

/** Runs `work` and returns the statements it sent (write statements included). */
export async function captureQueries(
  dataSource: DataSource,
  work: () => Promise<unknown>,
): Promise<CapturedQuery[]> {
  const logger: Logger = dataSource.logger;
  const original = logger.logQuery.bind(logger);
  const captured: CapturedQuery[] = [];
  logger.logQuery = (sql, parameters, queryRunner) => {
    captured.push({ sql, parameters: (parameters as unknown[] | undefined) ?? [] });
    return original(sql, parameters, queryRunner);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return captured;
}

/** The SELECTs among `queries`, each distinct text once with how often it ran, explained. */
export async function explainSelects(dataSource: DataSource, queries: CapturedQuery[]): Promise<string> {
  const distinct = new Map<string, CapturedQuery[]>();
  for (const query of queries) {
    if (!/^\s*(SELECT|WITH)\b/i.test(query.sql)) continue;
    distinct.set(query.sql, [...(distinct.get(query.sql) ?? []), query]);
  }
  const lines: string[] = [];
  for (const [sql, occurrences] of distinct) {
    const plan = await dataSource.query<Array<{ 'QUERY PLAN': string }>>(
      `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
      occurrences[Math.floor(occurrences.length / 2)]!.parameters,
    );
    lines.push(
      `-- ran ${occurrences.length} time(s): ${sql.replace(/\s+/g, ' ').slice(0, 240)}`,
      ...plan.map((row) => `   ${row['QUERY PLAN']}`),
    );
  }
  return lines.join('\n');
}
