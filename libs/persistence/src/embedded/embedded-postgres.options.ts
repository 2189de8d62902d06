import { join } from 'node:path';
import { findRepoRoot } from '../workspace/repo-root.locator';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; kept across restarts. Default: <repo root>/.data/postgres. */
  dataDir?: string;
  /** TCP port on 127.0.0.1. Default 5433 (5432 is often taken by an installed PostgreSQL). */
  port?: number;
  /** Superuser name. Default postgres. */
  user?: string;
  /** Superuser password. The server only listens on 127.0.0.1, so a fixed local default is used. */
  password?: string;
  /** Receives the few lines worth logging (server ready, recovery after a crash). */
  log?: (line: string) => void;
  /** Also pass the server's own log lines to `log` (they may quote data: never in production). */
  debug?: boolean;
  /** How long start() may take, recovery after a crash included. Default 60 s. */
  startTimeoutMs?: number;
}

export type ResolvedEmbeddedPostgresOptions = Required<Omit<EmbeddedPostgresOptions, 'log'>> & {
  log: (line: string) => void;
  host: string;
  /** True when dataDir is the default one, which start() may move to a place the server can reach. */
  defaultDataDir: boolean;
};

export const EMBEDDED_POSTGRES_DEFAULTS = {
  port: 5433,
  user: 'postgres',
  password: 'reprisals-local',
  host: '127.0.0.1',
  startTimeoutMs: 60_000,
} as const;

export function resolveEmbeddedPostgresOptions(
  options: EmbeddedPostgresOptions,
): ResolvedEmbeddedPostgresOptions {
  return {
    dataDir: options.dataDir ?? join(findRepoRoot(), '.data', 'postgres'),
    port: options.port ?? EMBEDDED_POSTGRES_DEFAULTS.port,
    user: options.user ?? EMBEDDED_POSTGRES_DEFAULTS.user,
    password: options.password ?? EMBEDDED_POSTGRES_DEFAULTS.password,
    log: options.log ?? (() => undefined),
    debug: options.debug ?? false,
    startTimeoutMs: options.startTimeoutMs ?? EMBEDDED_POSTGRES_DEFAULTS.startTimeoutMs,
    host: EMBEDDED_POSTGRES_DEFAULTS.host,
    defaultDataDir: options.dataDir === undefined,
  };
}
