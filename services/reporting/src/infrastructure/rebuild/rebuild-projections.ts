import { AUDIT_ENTITIES, AUDIT_MIGRATIONS } from '@reprisals/audit';
import { CASE_ACCESS_ENTITIES, CASE_ACCESS_MIGRATIONS } from '@reprisals/case-access';
import { SystemClock, type Clock } from '@reprisals/kernel';
import { silentMessagingLogger, type MessagingLogger, type ReplaySource } from '@reprisals/messaging';
import {
  closeServiceDatabase,
  createServiceDataSource,
  initializeServiceDatabase,
  MIGRATIONS_TABLE,
} from '@reprisals/persistence';
import type { DataSource } from 'typeorm';
import {
  REPORTING_ENTITIES,
  REPORTING_MIGRATIONS,
  REPORTING_SCHEMA,
} from '../persistence/reporting-data-source';
import { CASE_ACCESS_TABLES, caseAccessLosses, namedCases } from './case-access-comparison';
import { compareProjectionFigures, formatFigures, type FigureRow } from './projection-figures';
import {
  assertMovable,
  assertReportingStopped,
  assertSameColumns,
  type SwapGuard,
  swapBackPreviousTables,
  swapInRebuiltTables,
} from './projection-swap';
import { PROJECTION_TABLE_NAMES, unclassifiedTables } from './projection-tables';
import { RebuildRefusedError } from './rebuild-refused.error';
import { ReplayClock } from './replay-clock';
import { startReplayConsumer, type ReplayConsumer } from './replay-consumer';

/** The live schema, and where a rebuild builds and where it keeps what it replaced. */
export const REBUILD_SCHEMAS = {
  live: REPORTING_SCHEMA,
  rebuilt: `${REPORTING_SCHEMA}_rebuild`,
  previous: `${REPORTING_SCHEMA}_previous`,
} as const;

/** How the running reporting service shows in pg_stat_activity (createServiceDataSource's name). */
const REPORTING_APPLICATION_NAME = `reprisals-${REPORTING_SCHEMA}`;
const REBUILD_APPLICATION_NAME = 'reprisals-reporting-rebuild';
const SWAP_GUARD: SwapGuard = { reportingApplicationName: REPORTING_APPLICATION_NAME };

export interface RebuildOptions {
  databaseUrl: string;
  source: ReplaySource;
  /** Rebuild and compare, but leave the live tables as they are. */
  dryRun?: boolean;
  /** Where the rebuild tells what it does, line by line. */
  print?: (line: string) => void;
  /** The consumer's warnings (a handler failing, retried). */
  logger?: MessagingLogger;
  /** Progress every this many milliseconds while replaying (default 5 000). */
  progressIntervalMs?: number;
  /** When an event carries no time. */
  clock?: Clock;
  /**
   * Swap in even when a projection table would lose rows. Projections only ever add or update
   * rows, so fewer rows once rebuilt means the log misses events (another broker, another
   * database, a topic emptied) unless the live tables hold rows no event explains. Never applies
   * to the case access tables (CASE_ACCESS_TABLES): a missing row there reads as "not withheld".
   */
  acceptFewerRows?: boolean;
}

export interface RebuildReport {
  replayed: number;
  total: number;
  figures: FigureRow[];
  swapped: boolean;
}

/**
 * Rebuilds reporting's projection tables from the log: a fresh schema with reporting's
 * migrations, every event from the beginning through reporting's own consumer and subscriptions,
 * the figures compared, then the rebuilt tables swapped in (one transaction; the replaced ones
 * kept for one rollback). Reporting must be stopped. Throws RebuildRefusedError, leaving the live
 * tables untouched, when it cannot be done safely.
 */
export async function rebuildReportingProjections(options: RebuildOptions): Promise<RebuildReport> {
  const print = options.print ?? (() => undefined);
  const admin = adminDataSource(options.databaseUrl);
  await admin.initialize();
  let rebuilt: DataSource | undefined;
  let consumer: ReplayConsumer | undefined;
  try {
    await assertReportingStopped(admin, REBUILD_SCHEMAS.live, SWAP_GUARD);
    await assertSchemaExists(admin, REBUILD_SCHEMAS.live);
    await assertMovable(admin, REBUILD_SCHEMAS.live, PROJECTION_TABLE_NAMES);

    print(`fresh schema ${REBUILD_SCHEMAS.rebuilt}: reporting's migrations`);
    await admin.query(`DROP SCHEMA IF EXISTS "${REBUILD_SCHEMAS.rebuilt}" CASCADE`);
    rebuilt = createServiceDataSource({
      url: options.databaseUrl,
      schema: REBUILD_SCHEMAS.rebuilt,
      // As the service's own data source (serviceInfrastructure): its tables, the audit's, case access'.
      entities: [...REPORTING_ENTITIES, ...AUDIT_ENTITIES, ...CASE_ACCESS_ENTITIES],
      migrations: [...REPORTING_MIGRATIONS, ...AUDIT_MIGRATIONS, ...CASE_ACCESS_MIGRATIONS],
      applicationName: REBUILD_APPLICATION_NAME,
      poolSize: 2,
    });
    await initializeServiceDatabase(rebuilt);
    await assertSameMigrations(admin);
    const unclassified = unclassifiedTables(await tablesOf(admin, REBUILD_SCHEMAS.rebuilt));
    if (unclassified.length > 0)
      throw new RebuildRefusedError(
        `reporting has tables neither rebuilt nor kept: ${unclassified.join(', ')} (classify them in projection-tables.ts)`,
      );
    await assertMovable(admin, REBUILD_SCHEMAS.rebuilt, PROJECTION_TABLE_NAMES);
    await assertSameColumns(admin, REBUILD_SCHEMAS.live, REBUILD_SCHEMAS.rebuilt, PROJECTION_TABLE_NAMES);

    const clock = new ReplayClock(options.clock ?? new SystemClock());
    consumer = await startReplayConsumer({
      dataSource: rebuilt,
      clock,
      logger: options.logger ?? silentMessagingLogger,
    });
    const log = await options.source.open(consumer.topics);
    let replayed = 0;
    try {
      if (log.gaps.length > 0)
        throw new RebuildRefusedError(
          `the log does not start at the beginning, so a rebuild would lose events: ${log.gaps.join('; ')}`,
        );
      print(
        `replaying ${log.total} event(s) of ${consumer.topics.length} topic(s) from ${options.source.description}`,
      );
      if (log.notYetPublished > 0)
        print(
          `${log.notYetPublished} event(s) not yet published are left out: reporting receives them when it starts`,
        );
      const deadLettered = new Map<string, number>();
      const interval = options.progressIntervalMs ?? 5_000;
      let printedAt = Date.now();
      replayed = await log.replay(
        async (message) => {
          clock.moveTo(message.headers);
          const outcomes = await consumer!.receive(message);
          if (outcomes.includes('dead-lettered')) {
            const type = message.headers['ce_type'] ?? 'no type';
            deadLettered.set(type, (deadLettered.get(type) ?? 0) + 1);
          }
        },
        (count) => {
          if (Date.now() - printedAt < interval) return;
          printedAt = Date.now();
          print(`replayed ${count} / ${log.total}`);
        },
      );
      print(`replayed ${replayed} / ${log.total}`);
      if (deadLettered.size > 0)
        throw new RebuildRefusedError(
          `events the projections could not process (kept in ${REBUILD_SCHEMAS.rebuilt}.dead_letter): ${[
            ...deadLettered,
          ]
            .map(([type, count]) => `${count} ${type}`)
            .join(', ')}`,
        );
    } finally {
      await log.close();
    }
    await consumer.close();
    consumer = undefined;

    const comparison = await compareProjectionFigures(admin, REBUILD_SCHEMAS.live, REBUILD_SCHEMAS.rebuilt);
    print('');
    for (const line of formatFigures(comparison.rows)) print(line);
    print(
      `cases whose timeline has another length once rebuilt: ${comparison.casesWithAnotherTimelineLength}`,
    );
    print('');
    const reasons: string[] = [];
    const shrinking = comparison.rows
      .filter((row) => row.figure.startsWith('rows of ') && row.rebuilt < row.live)
      .map((row) => row.figure.slice('rows of '.length));
    // A missing row of case access reads as "not shared" but also as "not withheld": never on an operator's word.
    const shrinkingAccess = shrinking.filter((table) => CASE_ACCESS_TABLES.includes(table));
    if (shrinking.length > 0 && (!options.acceptFewerRows || shrinkingAccess.length > 0))
      reasons.push(
        `fewer rows once rebuilt in ${shrinking.join(', ')}: the log misses events (is it the right broker, or database?); ` +
          (shrinkingAccess.length > 0
            ? `--accept-fewer-rows never applies to ${CASE_ACCESS_TABLES.join(', ')}`
            : `if the live tables hold rows no event explains, run again with --accept-fewer-rows`),
      );
    const losses = await caseAccessLosses(admin, REBUILD_SCHEMAS.live, REBUILD_SCHEMAS.rebuilt);
    if (losses.protection.length > 0 || losses.consent.length > 0 || losses.access.length > 0)
      reasons.push(
        'the rebuilt tables would protect cases less than the live ones, so the log misses events ' +
          '(a broker restored from a backup, a topic recreated?)' +
          (losses.protection.length > 0
            ? `; an older protection flag or no longer withheld: case ${namedCases(losses.protection)}`
            : '') +
          (losses.consent.length > 0
            ? `; an older or wider consent: case ${namedCases(losses.consent)}`
            : '') +
          (losses.access.length > 0
            ? `; a share behind its live status, wider or longer, or another lead: case ${namedCases(losses.access)}`
            : ''),
      );
    if (reasons.length > 0) {
      if (!options.dryRun) throw new RebuildRefusedError(reasons.join('; and '));
      for (const reason of reasons) print(`warning: ${reason}: a rebuild would stop here`);
    }
    if (options.dryRun) {
      print(
        `dry run: the live tables are unchanged; the rebuilt ones stay in ${REBUILD_SCHEMAS.rebuilt} until the next rebuild`,
      );
      return { replayed, total: log.total, figures: comparison.rows, swapped: false };
    }
    await assertReportingStopped(admin, REBUILD_SCHEMAS.live, SWAP_GUARD);
    await swapInRebuiltTables(admin, REBUILD_SCHEMAS, PROJECTION_TABLE_NAMES, SWAP_GUARD);
    // Swapped: what is left of the rebuilt schema (its inbox, outbox...) is scratch.
    try {
      await closeServiceDatabase(rebuilt);
      rebuilt = undefined;
      await admin.query(`DROP SCHEMA IF EXISTS "${REBUILD_SCHEMAS.rebuilt}" CASCADE`);
    } catch {
      print(`${REBUILD_SCHEMAS.rebuilt} could not be dropped: the next rebuild drops it`);
    }
    print(
      `swapped in: ${PROJECTION_TABLE_NAMES.join(', ')}; the replaced tables are kept in ${REBUILD_SCHEMAS.previous} (npm run reporting:rebuild -- --rollback puts them back)`,
    );
    return { replayed, total: log.total, figures: comparison.rows, swapped: true };
  } finally {
    await consumer?.close().catch(() => undefined);
    if (rebuilt) await closeServiceDatabase(rebuilt).catch(() => undefined);
    await closeServiceDatabase(admin);
  }
}

/** Puts back the projection tables the last rebuild replaced (and keeps the current ones instead). */
export async function rollBackReportingProjections(options: {
  databaseUrl: string;
  print?: (line: string) => void;
}): Promise<void> {
  const print = options.print ?? (() => undefined);
  const admin = adminDataSource(options.databaseUrl);
  await admin.initialize();
  try {
    await assertReportingStopped(admin, REBUILD_SCHEMAS.live, SWAP_GUARD);
    await assertSchemaExists(admin, REBUILD_SCHEMAS.previous);
    await assertMovable(admin, REBUILD_SCHEMAS.live, PROJECTION_TABLE_NAMES);
    await assertMovable(admin, REBUILD_SCHEMAS.previous, PROJECTION_TABLE_NAMES);
    await assertSameColumns(admin, REBUILD_SCHEMAS.live, REBUILD_SCHEMAS.previous, PROJECTION_TABLE_NAMES);
    await swapBackPreviousTables(
      admin,
      {
        live: REBUILD_SCHEMAS.live,
        previous: REBUILD_SCHEMAS.previous,
        exchange: `${REPORTING_SCHEMA}_exchange`,
      },
      PROJECTION_TABLE_NAMES,
      SWAP_GUARD,
    );
    print(
      `put back the projection tables kept in ${REBUILD_SCHEMAS.previous}; the ones they replaced are kept there instead`,
    );
  } finally {
    await closeServiceDatabase(admin);
  }
}

function adminDataSource(url: string): DataSource {
  return createServiceDataSource({
    url,
    schema: REBUILD_SCHEMAS.live,
    entities: [],
    migrations: [],
    applicationName: REBUILD_APPLICATION_NAME,
    poolSize: 2,
  });
}

async function assertSchemaExists(admin: DataSource, schema: string): Promise<void> {
  const [row] = await admin.query<Array<{ found: boolean }>>(
    'SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS "found"',
    [schema],
  );
  if (!row?.found) throw new RebuildRefusedError(`there is no ${schema} schema in this database`);
}

/** The live schema is at the migrations of this version, as the rebuilt one is. */
async function assertSameMigrations(admin: DataSource): Promise<void> {
  const namesIn = async (schema: string) =>
    (
      await admin.query<Array<{ name: string }>>(
        `SELECT "name" FROM "${schema}"."${MIGRATIONS_TABLE}" ORDER BY "name"`,
      )
    ).map((row) => row.name);
  const [live, rebuilt] = [await namesIn(REBUILD_SCHEMAS.live), await namesIn(REBUILD_SCHEMAS.rebuilt)];
  const missing = rebuilt.filter((name) => !live.includes(name));
  const unknown = live.filter((name) => !rebuilt.includes(name));
  if (missing.length > 0 || unknown.length > 0)
    throw new RebuildRefusedError(
      `${REBUILD_SCHEMAS.live} is not at this version's migrations` +
        (missing.length > 0
          ? ` (not applied: ${missing.join(', ')}; start reporting once, then stop it)`
          : '') +
        (unknown.length > 0 ? ` (applied by another version: ${unknown.join(', ')})` : ''),
    );
}

async function tablesOf(admin: DataSource, schema: string): Promise<string[]> {
  return (
    await admin.query<Array<{ table: string }>>(
      `SELECT tablename AS "table" FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`,
      [schema],
    )
  ).map((row) => row.table);
}
