import type { DataSource } from 'typeorm';
import type { DeliveredMessage } from '../transport/event-transport';
import type { ReplayLog, ReplaySource } from './replay-source';

export interface OutboxReplaySourceOptions {
  /** Any connection to the database that holds the services' schemas. */
  dataSource: DataSource;
  /** The schemas whose `outbox_message` table is read, e.g. intake, verification, state_communication, reporting. */
  schemas: readonly string[];
  /** Rows read per query from each table. Default 500. */
  pageSize?: number;
}

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: string;
  created_at: Date;
}

/** One schema's outbox: the published rows of the replayed topics up to `last`, read by pages. */
interface OutboxStream {
  schema: string;
  last: bigint;
  after: bigint;
  buffered: OutboxRow[];
  exhausted: boolean;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The outbox tables of the services (standalone mode): every service keeps its outbox rows once
 * published, and the in-process transport delivered them from there. Only published rows are the
 * log (the others are delivered when the system starts). Each table is read in `seq` order, the
 * order its relay published, so each producer's events of a case keep their order; the tables are
 * merged by the time each row was written.
 */
export class OutboxReplaySource implements ReplaySource {
  readonly description: string;

  constructor(private readonly options: OutboxReplaySourceOptions) {
    for (const schema of options.schemas)
      if (!SCHEMA_NAME.test(schema)) throw new Error(`Not a schema name: ${schema}`);
    this.description = `outbox tables of ${options.schemas.join(', ')}`;
  }

  async open(topics: readonly string[]): Promise<ReplayLog> {
    const streams: OutboxStream[] = [];
    const gaps: string[] = [];
    let total = 0;
    let notYetPublished = 0;
    for (const schema of this.options.schemas) {
      const [table] = await this.options.dataSource.query<Array<{ found: string | null }>>(
        'SELECT to_regclass($1) AS found',
        [`"${schema}"."outbox_message"`],
      );
      if (!table?.found) {
        gaps.push(`${schema}.outbox_message does not exist`);
        continue;
      }
      const [counts] = await this.options.dataSource.query<
        Array<{ last: string | null; published: string; pending: string }>
      >(
        `SELECT max("seq") FILTER (WHERE "published_at" IS NOT NULL) AS last,
                count(*) FILTER (WHERE "published_at" IS NOT NULL) AS published,
                count(*) FILTER (WHERE "published_at" IS NULL) AS pending
           FROM "${schema}"."outbox_message" WHERE "topic" = ANY($1)`,
        [[...topics]],
      );
      total += Number(counts?.published ?? 0);
      notYetPublished += Number(counts?.pending ?? 0);
      if (counts?.last)
        streams.push({ schema, last: BigInt(counts.last), after: 0n, buffered: [], exhausted: false });
    }
    return new OutboxReplayLog(this.options.dataSource, [...topics], streams, {
      total,
      gaps,
      notYetPublished,
      pageSize: this.options.pageSize ?? 500,
    });
  }
}

class OutboxReplayLog implements ReplayLog {
  readonly total: number;
  readonly gaps: readonly string[];
  readonly notYetPublished: number;
  private readonly pageSize: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly topics: string[],
    private readonly streams: OutboxStream[],
    figures: { total: number; gaps: string[]; notYetPublished: number; pageSize: number },
  ) {
    this.total = figures.total;
    this.gaps = figures.gaps;
    this.notYetPublished = figures.notYetPublished;
    this.pageSize = figures.pageSize;
  }

  async replay(
    deliver: (message: DeliveredMessage) => Promise<void>,
    onProgress?: (replayed: number) => void,
  ): Promise<number> {
    let delivered = 0;
    for (;;) {
      // The earliest written row among the heads of the tables; a tie goes to the schema listed first.
      let next: OutboxStream | undefined;
      for (const stream of this.streams) {
        const head = await this.headOf(stream);
        if (!head) continue;
        const best = next?.buffered[0];
        if (!best || head.created_at.getTime() < best.created_at.getTime()) next = stream;
      }
      const row = next?.buffered.shift();
      if (!next || !row) return delivered;
      await deliver({
        topic: row.topic,
        key: row.message_key,
        headers: { ...row.headers },
        value: row.payload,
        position: `${next.schema}:${row.seq}`,
      });
      delivered += 1;
      onProgress?.(delivered);
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private async headOf(stream: OutboxStream): Promise<OutboxRow | undefined> {
    if (stream.buffered.length === 0 && !stream.exhausted) {
      const rows = await this.dataSource.query<OutboxRow[]>(
        `SELECT "seq", "topic", "message_key", "headers", "payload", "created_at"
           FROM "${stream.schema}"."outbox_message"
          WHERE "published_at" IS NOT NULL AND "topic" = ANY($1) AND "seq" > $2 AND "seq" <= $3
          ORDER BY "seq" LIMIT $4`,
        [this.topics, stream.after.toString(), stream.last.toString(), this.pageSize],
      );
      stream.buffered = rows.map((row) => ({ ...row, created_at: new Date(row.created_at) }));
      const lastRow = rows.at(-1);
      if (lastRow) stream.after = BigInt(lastRow.seq);
      if (rows.length < this.pageSize) stream.exhausted = true;
    }
    return stream.buffered[0];
  }
}
