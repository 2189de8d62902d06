/**
 * Rebuilds reporting's projection tables from the events, with reporting stopped:
 *
 *   npm run reporting:rebuild [-- [--dry-run] [--source kafka|outbox] [--accept-fewer-rows]]
 *   npm run reporting:rebuild -- --rollback
 *
 * Connects as the service does: DATABASE_URL, or else the standalone system's embedded
 * PostgreSQL (started here on its data directory, and stopped at the end). Replays the Kafka
 * topics (distributed mode) or the services' outbox tables (standalone) into a fresh schema,
 * prints the figures live and rebuilt, and swaps the rebuilt projection tables in, unless
 * --dry-run, or a projection table would lose rows (a log missing events) without --accept-fewer-rows
 * (never enough for the case access tables), or a case would be less protected (an older protection
 * flag or consent, no longer withheld, a wider consent: the cases are named by id).
 * --rollback puts back the tables the last rebuild replaced, until reporting processes an event.
 * Exits 0 when done, 1 when it refused or failed (the live tables untouched), 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { describeError } from '@reprisals/messaging';
import { createLogger } from '@reprisals/observability';
import { EmbeddedPostgresServer, describeDatabaseUrl } from '@reprisals/persistence';
import { standaloneDatabaseName } from '@reprisals/service-platform';
import { DataSource } from 'typeorm';
import {
  REBUILD_SCHEMAS,
  rebuildReportingProjections,
  rollBackReportingProjections,
} from '../infrastructure/rebuild/rebuild-projections';
import { RebuildRefusedError } from '../infrastructure/rebuild/rebuild-refused.error';
import { replaySourceFor, replaySourceKindFrom } from '../infrastructure/rebuild/replay-source.config';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(): Promise<number> {
  let values: { 'dry-run'?: boolean; rollback?: boolean; source?: string; 'accept-fewer-rows'?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        'dry-run': { type: 'boolean' },
        rollback: { type: 'boolean' },
        'accept-fewer-rows': { type: 'boolean' },
        source: { type: 'string' },
      },
    }));
  } catch (error) {
    process.stderr.write(
      `${error instanceof Error ? error.message : 'bad arguments'}\n` +
        'usage: npm run reporting:rebuild [-- [--dry-run] [--source kafka|outbox] [--accept-fewer-rows]]\n' +
        '       npm run reporting:rebuild -- --rollback\n',
    );
    return 2;
  }
  let source: ReturnType<typeof replaySourceKindFrom>;
  try {
    source = replaySourceKindFrom(process.env, values.source);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : 'bad --source'}\n`);
    return 2;
  }
  print(
    'Rebuilding reporting’s projections from the events. Reporting must be stopped ' +
      '(standalone: the whole system; distributed: the reporting process); the rebuild checks it.',
  );
  let embedded: EmbeddedPostgresServer | undefined;
  let databaseUrl = process.env['DATABASE_URL'];
  try {
    if (!databaseUrl) {
      embedded = new EmbeddedPostgresServer({ log: (line) => print(line) });
      try {
        await embedded.start();
      } catch (error) {
        embedded = undefined;
        throw new RebuildRefusedError(
          `the standalone system's embedded PostgreSQL did not start (is the system still running? stop it first): ${
            error instanceof Error ? error.message : 'unknown error'
          }`,
        );
      }
      // The standalone system's database: the demonstration's own with DEMO_MODE=true.
      databaseUrl = embedded.databaseUrl(standaloneDatabaseName());
    }
    print(`database: ${describeDatabaseUrl(databaseUrl)}`);
    if (values.rollback) {
      await rollBackReportingProjections({ databaseUrl, print });
      return 0;
    }
    print(
      `log: ${source.kind === 'kafka' ? 'the Kafka topics' : 'the services’ outbox tables'} (${source.because})`,
    );
    const logger = createLogger('reporting-rebuild').child({ component: 'messaging' });
    const outboxReader = new DataSource({
      type: 'postgres',
      url: databaseUrl,
      applicationName: 'reprisals-reporting-rebuild',
      poolSize: 1,
    });
    await outboxReader.initialize();
    try {
      const started = Date.now();
      const report = await rebuildReportingProjections({
        databaseUrl,
        source: replaySourceFor(source.kind, { environment: process.env, dataSource: outboxReader, logger }),
        dryRun: values['dry-run'] ?? false,
        acceptFewerRows: values['accept-fewer-rows'] ?? false,
        print,
        logger,
      });
      print(
        `done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${report.replayed} event(s) replayed, ` +
          (report.swapped
            ? `projection tables swapped in`
            : `nothing swapped (dry run, see ${REBUILD_SCHEMAS.rebuilt})`),
      );
      return 0;
    } finally {
      await outboxReader.destroy();
    }
  } catch (error) {
    // Other errors are named by class and code only: a driver's message may quote a value.
    const reason = error instanceof RebuildRefusedError ? error.message : describeError(error);
    process.stderr.write(`reporting:rebuild failed, the live tables are unchanged: ${reason}\n`);
    return 1;
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`reporting:rebuild: ${error instanceof Error ? error.message : 'failed'}\n`);
    process.exit(1);
  },
);
