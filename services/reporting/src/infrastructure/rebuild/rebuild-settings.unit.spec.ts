import { formatFigures } from './projection-figures';
import { KEPT_TABLES, PROJECTION_TABLES, unclassifiedTables } from './projection-tables';
import { replaySourceKindFrom } from './replay-source.config';

describe('what a rebuild reads, replaces and prints', () => {
  it('given the environment, when the log is chosen, then --source wins, then MESSAGING_TRANSPORT, then a database URL with brokers means Kafka, else the outbox tables', () => {
    const url = 'postgres://reporting@db/reprisals';
    expect(replaySourceKindFrom({ MESSAGING_TRANSPORT: 'kafka' }, 'outbox').kind).toBe('outbox');
    expect(replaySourceKindFrom({ MESSAGING_TRANSPORT: 'kafka' }, undefined).kind).toBe('kafka');
    expect(
      replaySourceKindFrom(
        { MESSAGING_TRANSPORT: 'in-process', DATABASE_URL: url, KAFKA_BROKERS: 'k:9092' },
        undefined,
      ).kind,
    ).toBe('outbox');
    expect(replaySourceKindFrom({ DATABASE_URL: url, KAFKA_BROKERS: 'k:9092' }, undefined).kind).toBe(
      'kafka',
    );
    expect(replaySourceKindFrom({ KAFKA_BROKERS: 'k:9092' }, undefined).kind).toBe('outbox');
    expect(replaySourceKindFrom({}, undefined)).toEqual({ kind: 'outbox', because: 'standalone mode' });
    expect(() => replaySourceKindFrom({}, 'files')).toThrow('--source is kafka or outbox, not files');
  });

  it('given the tables of a schema, when classified, then each is rebuilt or kept, never both, and a new one is named', () => {
    const rebuilt = PROJECTION_TABLES.map(({ table }) => table);
    const kept = KEPT_TABLES.map(({ table }) => table);
    expect(rebuilt.filter((table) => kept.includes(table))).toEqual([]);
    expect(rebuilt).toEqual(expect.arrayContaining(['timeline_entry', 'case_overview', 'report_case']));
    expect(kept).toEqual(
      expect.arrayContaining([
        'reporting_cycle',
        'report_version',
        'report_inclusion',
        'audit_record',
        'inbox_record',
      ]),
    );
    expect(unclassifiedTables([...rebuilt, ...kept, 'report_draft_note'])).toEqual(['report_draft_note']);
  });

  it('given figures, when printed, then each line gives live, rebuilt and the difference, aligned', () => {
    expect(
      formatFigures([
        { figure: 'rows of report_case', live: 4, rebuilt: 5 },
        { figure: 'report_case by state: BLR', live: 12, rebuilt: 12 },
        { figure: 'rows of case_link', live: 3, rebuilt: 1 },
      ]),
    ).toEqual([
      'figure                     live  rebuilt  difference',
      '-------------------------  ----  -------  ----------',
      'rows of report_case           4        5          +1',
      'report_case by state: BLR    12       12           0',
      'rows of case_link             3        1          -2',
    ]);
  });
});
