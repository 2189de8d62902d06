/**
 * The synthetic events fed to reporting through its consumer, as a delivered message goes:
 * CloudEvents decoding and contract validation, then for each subscription that wants it, in its
 * own transaction, the inbox record and the handler. Events are delivered in blocks of cases, in
 * the order they happened within a block; lanes take the events by case id, so the events of one
 * case are handled one after the other, as one Kafka partition (or the in-process queue) does.
 * Baseline: the rows the projection left, written again by one INSERT ... SELECT per table.
 */
import type { TransportMessage } from '@reprisals/messaging';
import { measure, progress, type Measurement } from '../bench-report';
import type { ReportingService } from './reporting-service';
import { syntheticCase } from './synthetic-cases';

export interface ProjectionOptions {
  cases: number;
  seed: number;
  /** Messages handled at once, each lane in order; 1 is the standalone mode's in-process queue. */
  lanes: number;
  /** Cases whose events are ordered together and delivered as one block. */
  blockCases?: number;
  /** Of `cases`, from which case on (and up to which, excluded) this run delivers. */
  fromCase?: number;
}

export interface ProjectionResult {
  measurement: Measurement;
  events: number;
  deliveries: number;
  /** Time spent making and encoding the events (the producers' side), not counted in the measurement. */
  generationMs: number;
}

/** Delivers cases [fromCase, cases) and measures the consumer's time. */
export async function projectCases(
  service: ReportingService,
  options: ProjectionOptions,
  label: string,
): Promise<ProjectionResult> {
  const blockCases = options.blockCases ?? 2_000;
  const from = options.fromCase ?? 0;
  let events = 0;
  let deliveries = 0;
  let generationMs = 0;
  let consumerMs = 0;
  let lastReport = Date.now();
  const started = Date.now();
  for (let first = from; first < options.cases; first += blockCases) {
    const generated = process.hrtime.bigint();
    const block: Array<{ occurredAt: string; message: TransportMessage }> = [];
    for (let index = first; index < Math.min(options.cases, first + blockCases); index += 1)
      for (const event of syntheticCase(options.seed, index).events)
        block.push({ occurredAt: event.metadata.occurredAt, message: service.codec.encode(event) });
    block.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    const lanes: TransportMessage[][] = Array.from({ length: options.lanes }, () => []);
    for (const { message } of block) lanes[laneOf(message.key, options.lanes)]!.push(message);
    const delivered = process.hrtime.bigint();
    generationMs += Number(delivered - generated) / 1e6;
    const outcomes = await Promise.all(
      lanes.map(async (lane) => {
        const counted = { processed: 0, other: 0 };
        for (const message of lane)
          for (const outcome of await service.messaging.consumer.receive(message))
            if (outcome === 'processed') counted.processed += 1;
            else if (outcome !== 'ignored') counted.other += 1;
        return counted;
      }),
    );
    consumerMs += Number(process.hrtime.bigint() - delivered) / 1e6;
    const failed = outcomes.reduce((sum, lane) => sum + lane.other, 0);
    if (failed > 0) throw new Error(`${failed} deliveries were not processed (dead-lettered or duplicate)`);
    events += block.length;
    deliveries += outcomes.reduce((sum, lane) => sum + lane.processed, 0);
    if (Date.now() - lastReport > 10_000 || first + blockCases >= options.cases) {
      lastReport = Date.now();
      const done = Math.min(options.cases, first + blockCases) - from;
      const rate = (events / consumerMs) * 1000;
      const left = ((options.cases - from - done) / Math.max(done, 1)) * (Date.now() - started);
      progress(
        `${label}: ${done}/${options.cases - from} cases, ${events} events, ${rate.toFixed(0)} events/s` +
          ` (${deliveries} handler transactions), about ${(left / 60_000).toFixed(1)} min left`,
      );
    }
  }
  return {
    measurement: { name: label, operations: events, milliseconds: consumerMs },
    events,
    deliveries,
    generationMs,
  };
}

/** Every table the projection filled, written again in bulk into copies: what the rows cost without the pipeline. */
export async function bulkCopyBaseline(service: ReportingService, events: number): Promise<Measurement> {
  const { dataSource } = service;
  const tables = Object.keys(await projectedRows(service)).filter(
    (table) => !['migrations', 'reporting_cycle', 'report_inclusion'].includes(table),
  );
  await dataSource.query('CREATE SCHEMA bench_copy');
  for (const table of tables)
    await dataSource.query(`CREATE TABLE bench_copy."${table}" (LIKE reporting."${table}" INCLUDING ALL)`);
  const measurement = await measure(
    `bulk INSERT ... SELECT of the same rows (${tables.length} tables)`,
    events,
    async () => {
      for (const table of tables)
        await dataSource.query(`INSERT INTO bench_copy."${table}" SELECT * FROM reporting."${table}"`);
    },
  );
  await dataSource.query('DROP SCHEMA bench_copy CASCADE');
  return measurement;
}

/** How many rows each table of reporting's schema holds (those with any). */
export async function projectedRows(service: ReportingService): Promise<Record<string, number>> {
  const tables = await service.dataSource.query<Array<{ table: string }>>(
    `SELECT table_name AS "table" FROM information_schema.tables
      WHERE table_schema = 'reporting' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table } of tables) {
    const [row] = await service.dataSource.query<Array<{ rows: string }>>(
      `SELECT count(*) AS "rows" FROM reporting."${table}"`,
    );
    if (Number(row!.rows) > 0) counts[table] = Number(row!.rows);
  }
  return counts;
}

/** The same small hash the in-process transport spreads keys with (FNV-1a). */
function laneOf(key: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % lanes;
}
