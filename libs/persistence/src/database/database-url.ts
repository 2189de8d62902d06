/**
 * Small helpers on PostgreSQL connection URLs (postgres://user:password@host:port/database).
 */

/** The database named in the URL's path. */
export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error('The PostgreSQL URL names no database');
  return name;
}

/** The same server, user and parameters, but another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** host:port/database, for log lines: never the user name or password. */
export function describeDatabaseUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}
