import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ManualClock } from '@reprisals/kernel';
import { IntakeModule } from '@reprisals/intake';
import {
  committedOffsets,
  KafkaReplaySource,
  KafkaTransport,
  NamespacedTransport,
  OutboxReplaySource,
} from '@reprisals/messaging';
import {
  rebuildReportingProjections,
  ReportingModule,
  STANDALONE_OUTBOX_SCHEMAS,
} from '@reprisals/reporting';
import type { ServiceModuleFactory } from '@reprisals/service-platform';
import { StateCommunicationModule } from '@reprisals/state-communication';
import {
  createTestDatabase,
  eventually,
  testKafkaBrokers,
  uniqueId,
  type TestDatabase,
} from '@reprisals/testing';
import { VerificationModule } from '@reprisals/verification';
import { reportingClient, twoVictimsTwoActs } from './reporting.fixture';
import { useRestartableSystem } from './restartable-system.fixture';
import { engagementWith } from './state-communication.fixture';
import {
  as,
  call,
  countRows,
  queryRows,
  startProcess,
  validAllegation,
  type RunningProcess,
} from './system.fixture';
import { LEAD, protocolClient } from './verification-protocol.fixture';

/** Counts of 1 are hidden: the smallest threshold that still hides, so that the damage shows. */
const THRESHOLD = '2';

const STATISTICS_QUERIES = [
  '?groupBy=state',
  '?groupBy=year,verificationOutcome',
  '?groupBy=replyStatus',
  '?groupBy=category,state',
];

describe('reporting rebuilt from the events, with the system stopped', () => {
  const previous: Record<string, string | undefined> = {};
  let replyDocumentsDir: string | undefined;
  beforeAll(() => {
    for (const name of ['STATISTICS_SUPPRESSION_THRESHOLD', 'REPLY_DOCUMENTS_DIR'])
      previous[name] = process.env[name];
    process.env['STATISTICS_SUPPRESSION_THRESHOLD'] = THRESHOLD;
    replyDocumentsDir = mkdtempSync(path.join(tmpdir(), 'reporting-rebuild-replies-'));
    process.env['REPLY_DOCUMENTS_DIR'] = replyDocumentsDir;
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    if (replyDocumentsDir) rmSync(replyDocumentsDir, { recursive: true, force: true });
  });

  const clock = new ManualClock('2026-11-30T09:00:00.000Z');
  const system = useRestartableSystem('reporting_rebuild', clock);
  const baseUrl = () => system().running.baseUrl;
  const databaseUrl = () => system().database.url;
  const protocol = protocolClient(baseUrl, databaseUrl);
  const analyst = () => as('reporting-analyst', LEAD, 'analyst-1');
  const { projected, compiled } = reportingClient(baseUrl, databaseUrl, analyst);

  const record = async (body: unknown): Promise<string> => {
    const created = await call(baseUrl(), 'POST', '/intake/allegations', {
      ...(await as('intake-officer', LEAD)),
      body,
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  /** Every service's outbox published: whatever happened has reached reporting. */
  const settled = () =>
    eventually(
      async () => {
        for (const schema of STANDALONE_OUTBOX_SCHEMAS) {
          const [row] = await queryRows<{ pending: string }>(
            databaseUrl(),
            `SELECT count(*) AS pending FROM ${schema}.outbox_message WHERE published_at IS NULL`,
          );
          if (Number(row?.pending) > 0) return false;
        }
        return true;
      },
      { timeoutMs: 30_000, description: 'every outbox published' },
    );

  /** What the reporting routes answer: statistics, the list of cases, each timeline, the cycle and its versions. */
  const readReporting = async (cycleId: string) => {
    const token = await analyst();
    const statistics: Record<string, unknown> = {};
    for (const query of STATISTICS_QUERIES) {
      const answer = await call(baseUrl(), 'GET', `/reporting/statistics${query}`, token);
      expect(answer.status).toBe(200);
      statistics[query] = answer.body;
    }
    const listed = await call(baseUrl(), 'GET', '/reporting/cases', token);
    expect(listed.status).toBe(200);
    const cases = (listed.body.cases as Array<{ caseId: string }>).sort((a, b) =>
      a.caseId.localeCompare(b.caseId),
    );
    const timelines: Record<string, unknown> = {};
    for (const { caseId } of cases) {
      const timeline = await call(baseUrl(), 'GET', `/reporting/cases/${caseId}/timeline`, token);
      expect(timeline.status).toBe(200);
      timelines[caseId] = timeline.body;
    }
    const cycle = (await call(baseUrl(), 'GET', `/reporting/cycles/${cycleId}`, token)).body;
    const versions = (await call(baseUrl(), 'GET', `/reporting/cycles/${cycleId}/versions`, token)).body;
    return { statistics, cases, timelines, cycle, versions };
  };

  it('given cases through every service and a finalised report, when the projection is damaged and rebuilt, then figures, lists and timelines are as before and cycles and versions unchanged', async () => {
    // A case engaged with its State, who replied; one verified and reported; two received elsewhere; one pending.
    const engaged = await engagementWith(baseUrl, protocol);
    const replied = await call(
      baseUrl(),
      'POST',
      `/state-communication/communications/${engaged.id}/replies`,
      {
        ...(await as('state-liaison', LEAD, 'state-liaison-1')),
        body: {
          type: 'acknowledgement',
          receivedOn: '2026-11-30',
          language: 'ru',
          assessment: 'not-responsive',
        },
      },
    );
    expect(replied.status).toBe(201);
    const reportable = await protocol.verifiedCase({ consent: true });
    const pending = await protocol.recordCase();
    const received = [await record(twoVictimsTwoActs), await record(twoVictimsTwoActs)];
    for (const caseId of [engaged.caseId, reportable]) await projected(caseId, true);
    for (const caseId of [pending, ...received]) await projected(caseId, false);
    await eventually(async () => {
      const [row] = await queryRows<{ first_reply_type: string | null }>(
        databaseUrl(),
        'SELECT first_reply_type FROM reporting.report_case WHERE case_id = $1',
        [engaged.caseId],
      );
      return row?.first_reply_type === 'acknowledgement';
    });
    // The annual report, finalised: CaseIncludedInReport for the case it includes.
    const opened = await call(baseUrl(), 'POST', '/reporting/cycles', {
      ...(await analyst()),
      body: { kind: 'sg-annual-report', symbol: 'A/HRC/63/40' },
    });
    expect(opened.status).toBe(201);
    const cycleId = opened.body.id as string;
    await compiled(cycleId);
    const finalised = await call(baseUrl(), 'POST', `/reporting/cycles/${cycleId}/finalise`, {
      ...(await analyst()),
      body: {},
    });
    expect(finalised.status).toBe(201);
    const included = (finalised.body.changes.added as Array<{ caseId: string }>).map((entry) => entry.caseId);
    expect(included.length).toBeGreaterThan(0);
    await settled();

    const before = await readReporting(cycleId);
    expect(Object.keys(before.timelines).sort()).toEqual(
      [engaged.caseId, reportable, pending, ...received].sort(),
    );
    const reportedTimeline = before.timelines[included[0]!] as {
      entries: Array<{ type: string; eventId: string }>;
    };
    expect(reportedTimeline.entries.map((entry) => entry.type)).toContain('CaseIncludedInReport');
    await settled();
    await system().stop();

    // Damage: a case gone from the statistics, a step gone from a timeline, a category altered, an overview gone.
    const url = databaseUrl();
    const damagedStep = reportedTimeline.entries.find(
      (entry) => entry.type === 'CaseIncludedInReport',
    )!.eventId;
    await queryRows(url, 'DELETE FROM reporting.report_case WHERE case_id = $1', [engaged.caseId]);
    await queryRows(url, 'DELETE FROM reporting.timeline_entry WHERE event_id = $1', [damagedStep]);
    await queryRows(url, `UPDATE reporting.report_case SET category = 'c' WHERE case_id = $1`, [pending]);
    await queryRows(url, 'DELETE FROM reporting.case_overview WHERE case_id = $1', [received[0]]);
    const timelineRows = await countRows(url, 'reporting.timeline_entry');
    const cycleRows = await queryRows(url, 'SELECT * FROM reporting.reporting_cycle ORDER BY id');
    const versionRows = await queryRows(
      url,
      'SELECT * FROM reporting.report_version ORDER BY cycle_id, version',
    );
    const inclusionRows = await queryRows(url, 'SELECT * FROM reporting.report_inclusion ORDER BY case_id');
    const auditRows = await countRows(url, 'reporting.audit_record');

    // A log that misses events (here: none at all) never replaces the live tables.
    const emptyReader = new DataSource({ type: 'postgres', url, poolSize: 1 });
    await emptyReader.initialize();
    await expect(
      rebuildReportingProjections({
        databaseUrl: url,
        source: new OutboxReplaySource({ dataSource: emptyReader, schemas: [] }),
      }).finally(() => emptyReader.destroy()),
    ).rejects.toThrow(/fewer rows once rebuilt in timeline_entry, case_overview/);
    expect(await countRows(url, 'reporting.timeline_entry')).toBe(timelineRows);

    const printed: string[] = [];
    const reader = new DataSource({ type: 'postgres', url, poolSize: 1 });
    await reader.initialize();
    const report = await rebuildReportingProjections({
      databaseUrl: url,
      source: new OutboxReplaySource({ dataSource: reader, schemas: STANDALONE_OUTBOX_SCHEMAS }),
      print: (line) => printed.push(line),
      progressIntervalMs: 0,
    }).finally(() => reader.destroy());

    expect(report.swapped).toBe(true);
    expect(report.replayed).toBe(report.total);
    const figure = (name: string) => report.figures.find((row) => row.figure === name);
    expect(figure('rows of report_case')).toEqual({ figure: 'rows of report_case', live: 4, rebuilt: 5 });
    expect(figure('rows of timeline_entry')).toEqual({
      figure: 'rows of timeline_entry',
      live: timelineRows,
      rebuilt: timelineRows + 1,
    });
    expect(figure('rows of case_overview')).toMatchObject({ live: 4, rebuilt: 5 });
    expect(figure('report_case by reply status: replied')).toMatchObject({ live: 0, rebuilt: 1 });
    expect(figure(`timeline entries of case ${included[0]}`)).toBeDefined();
    const output = printed.join('\n');
    expect(output).toMatch(/replayed \d+ \/ \d+/);
    expect(output).toMatch(/figure\s+live\s+rebuilt\s+difference/);
    // No identity in what it prints.
    for (const text of [validAllegation.victims[0]!.name, validAllegation.summary, 'Victim Two'])
      expect(output).not.toContain(text);
    // The replaced tables are kept for one rollback; reporting's own records are untouched.
    expect(await countRows(url, 'reporting_previous.report_case')).toBe(4);
    expect(await queryRows(url, 'SELECT * FROM reporting.reporting_cycle ORDER BY id')).toEqual(cycleRows);
    expect(await queryRows(url, 'SELECT * FROM reporting.report_version ORDER BY cycle_id, version')).toEqual(
      versionRows,
    );
    expect(await queryRows(url, 'SELECT * FROM reporting.report_inclusion ORDER BY case_id')).toEqual(
      inclusionRows,
    );
    expect(await countRows(url, 'reporting.audit_record')).toBe(auditRows);

    await system().start();
    const after = await readReporting(cycleId);
    expect(after.statistics).toEqual(before.statistics);
    expect(after.cases).toEqual(before.cases);
    expect(after.timelines).toEqual(before.timelines);
    expect(after.cycle).toEqual(before.cycle);
    expect(after.versions).toEqual(before.versions);
  });

  it('given the system running, when a rebuild is asked, then it refuses and leaves the tables as they are', async () => {
    const url = databaseUrl();
    const rows = await countRows(url, 'reporting.report_case');
    const reader = new DataSource({ type: 'postgres', url, poolSize: 1 });
    await reader.initialize();
    await expect(
      rebuildReportingProjections({
        databaseUrl: url,
        source: new OutboxReplaySource({ dataSource: reader, schemas: STANDALONE_OUTBOX_SCHEMAS }),
      }).finally(() => reader.destroy()),
    ).rejects.toThrow(/reporting is running/);
    expect(await countRows(url, 'reporting.report_case')).toBe(rows);
  });
});

describe('reporting rebuilt from the Kafka topics, with the reporting process stopped', () => {
  const SERVICES: Record<string, ServiceModuleFactory> = {
    intake: (options) => IntakeModule.register(options),
    verification: (options) => VerificationModule.register(options),
    'state-communication': (options) => StateCommunicationModule.register(options),
    reporting: (options) => ReportingModule.register(options),
  };
  const clock = new ManualClock('2026-11-30T09:00:00.000Z');
  const namespace = uniqueId('rebuild');
  const running = new Map<string, RunningProcess>();
  let database: TestDatabase;
  const start = async (name: string) => {
    running.set(
      name,
      await startProcess({
        processName: name,
        services: [SERVICES[name]!],
        databaseUrl: database.url,
        clock,
        transport: new NamespacedTransport(
          new KafkaTransport({ brokers: testKafkaBrokers(), clientId: `${namespace}-${name}` }),
          namespace,
        ),
      }),
    );
  };
  const urlOf = (name: string) => running.get(name)!.baseUrl;

  beforeAll(async () => {
    database = await createTestDatabase('reporting_rebuild_kafka');
    for (const name of Object.keys(SERVICES)) await start(name);
  });
  afterAll(async () => {
    for (const process of running.values()) await process.app.close();
    await database?.drop();
  });

  const readReporting = async () => {
    const token = await as('reporting-analyst', LEAD, 'analyst-1');
    const listed = await call(urlOf('reporting'), 'GET', '/reporting/cases', token);
    const cases = (listed.body.cases as Array<{ caseId: string }>).sort((a, b) =>
      a.caseId.localeCompare(b.caseId),
    );
    const timelines: Record<string, unknown> = {};
    for (const { caseId } of cases)
      timelines[caseId] = (
        await call(urlOf('reporting'), 'GET', `/reporting/cases/${caseId}/timeline`, token)
      ).body;
    const statistics = (
      await call(urlOf('reporting'), 'GET', '/reporting/statistics?groupBy=state,year', token)
    ).body;
    return { cases, timelines, statistics };
  };

  it('given cases received over Kafka, when reporting is stopped, its projection damaged and rebuilt from the topics, then its lists, timelines and figures are as before', async () => {
    const officer = await as('intake-officer', LEAD);
    const ids: string[] = [];
    for (const body of [validAllegation, validAllegation, twoVictimsTwoActs]) {
      const created = await call(urlOf('intake'), 'POST', '/intake/allegations', { ...officer, body });
      expect(created.status).toBe(201);
      ids.push(created.body.id as string);
    }
    // Reporting has each case, opened by verification too.
    await eventually(
      async () => {
        const rows = await queryRows<{ case_id: string }>(
          database.url,
          'SELECT case_id FROM reporting.case_overview WHERE stage IS NOT NULL AND received_on IS NOT NULL',
        );
        const reported = await queryRows<{ case_id: string }>(
          database.url,
          'SELECT case_id FROM reporting.report_case WHERE received_on IS NOT NULL',
        );
        return ids.every(
          (id) => rows.some((row) => row.case_id === id) && reported.some((row) => row.case_id === id),
        );
      },
      { timeoutMs: 60_000, description: 'every case in reporting' },
    );
    const before = await readReporting();
    expect(before.cases).toHaveLength(3);

    await running.get('reporting')!.app.close();
    running.delete('reporting');
    // Where reporting's own consumer group stands: a rebuild reads with a group of its own.
    const reportingGroup = `${namespace}.reprisals.reporting`;
    const offsetsBefore = await committedOffsets({ brokers: testKafkaBrokers(), prefix: reportingGroup });
    expect(Object.keys(offsetsBefore[reportingGroup] ?? {}).length).toBeGreaterThan(0);
    await queryRows(database.url, 'DELETE FROM reporting.report_case WHERE case_id = $1', [ids[0]]);
    await queryRows(database.url, 'DELETE FROM reporting.timeline_entry WHERE case_id = $1', [ids[2]]);

    const printed: string[] = [];
    const report = await rebuildReportingProjections({
      databaseUrl: database.url,
      source: new KafkaReplaySource({ brokers: testKafkaBrokers(), namespace }),
      print: (line) => printed.push(line),
    });
    expect(report.swapped).toBe(true);
    expect(report.replayed).toBe(report.total);
    expect(report.figures.find((row) => row.figure === 'rows of report_case')).toMatchObject({
      live: 2,
      rebuilt: 3,
    });
    expect(printed.join('\n')).toContain(
      `from Kafka topics at ${testKafkaBrokers().join(',')} (namespace ${namespace})`,
    );
    // Reporting's group was left where it stood, and the replay's own group is gone.
    expect(await committedOffsets({ brokers: testKafkaBrokers(), prefix: reportingGroup })).toEqual(
      offsetsBefore,
    );
    expect(
      await committedOffsets({ brokers: testKafkaBrokers(), prefix: `${namespace}.reprisals.replay.` }),
    ).toEqual({});

    await start('reporting');
    const after = await readReporting();
    expect(after).toEqual(before);
  });
});
