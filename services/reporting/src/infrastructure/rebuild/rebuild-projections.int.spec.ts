import { randomUUID } from 'node:crypto';
import { AUDIT_ENTITIES, AUDIT_MIGRATIONS } from '@reprisals/audit';
import { CASE_ACCESS_ENTITIES, CASE_ACCESS_MIGRATIONS } from '@reprisals/case-access';
import {
  CaseShared,
  ConsentRecorded,
  createEvent,
  ProtectionRiskFlagged,
  ProtectionRiskLifted,
  ShareAccepted,
  type ConsentScopes,
  type EventDefinition,
} from '@reprisals/contracts';
import {
  EventEnvelopeCodec,
  type DeliveredMessage,
  type ReplayLog,
  type ReplaySource,
  type TransportMessage,
} from '@reprisals/messaging';
import {
  closeServiceDatabase,
  createServiceDataSource,
  initializeServiceDatabase,
} from '@reprisals/persistence';
import { createTestDatabase, type TestDatabase } from '@reprisals/testing';
import { DataSource } from 'typeorm';
import {
  REPORTING_ENTITIES,
  REPORTING_MIGRATIONS,
  REPORTING_SCHEMA,
} from '../persistence/reporting-data-source';
import { rebuildReportingProjections, rollBackReportingProjections } from './rebuild-projections';
import { RebuildRefusedError } from './rebuild-refused.error';

/** A log held in memory: the messages given, in order, and the gaps said. */
class ListedReplaySource implements ReplaySource {
  readonly description = 'a listed log';

  constructor(
    private readonly messages: readonly TransportMessage[],
    private readonly gaps: readonly string[] = [],
  ) {}

  open(): Promise<ReplayLog> {
    const { messages, gaps } = this;
    return Promise.resolve({
      total: messages.length,
      gaps,
      notYetPublished: 0,
      async replay(deliver: (message: DeliveredMessage) => Promise<void>): Promise<number> {
        for (const [index, message] of messages.entries())
          await deliver({ ...message, position: `${index}` });
        return messages.length;
      },
      close: () => Promise.resolve(),
    });
  }
}

const codec = new EventEnvelopeCodec();
const WIDE: ConsentScopes = { raiseWithState: 'named', shareWithUnEntities: 'yes', publish: 'named' };
const NONE: ConsentScopes = { raiseWithState: 'no', shareWithUnEntities: 'no', publish: 'no' };

/** Intake's events of one case, as they travel. */
const eventOf = <TDef extends EventDefinition>(
  definition: TDef,
  caseId: string,
  data: Parameters<typeof createEvent<TDef>>[1],
): TransportMessage =>
  codec.encode(
    createEvent(definition, data, {
      caseId,
      actor: { kind: 'user', sub: 'officer-1', entity: 'OHCHR-COL', role: 'intake-officer' },
      occurredAt: new Date('2026-11-20T09:00:00.000Z'),
    }),
  );
const flagged = (caseId: string, flagVersion: number) =>
  eventOf(ProtectionRiskFlagged, caseId, { caseId, flagVersion, level: 'high', reason: 'person-in-hiding' });
const lifted = (caseId: string, flagVersion: number) =>
  eventOf(ProtectionRiskLifted, caseId, { caseId, flagVersion });
const consented = (caseId: string, consentVersion: number, scopes: ConsentScopes) =>
  eventOf(ConsentRecorded, caseId, {
    caseId,
    consentVersion,
    scopes,
    givenBy: 'victim',
    givenOn: '2026-11-20',
    form: 'written',
  });

describe('a rebuild of reporting’s projections, against a live schema', () => {
  let database: TestDatabase;
  let sql: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('reporting_rebuild_guards');
    sql = new DataSource({ type: 'postgres', url: database.url, poolSize: 2 });
    await sql.initialize();
  });
  afterAll(async () => {
    await sql?.destroy();
    await database?.drop();
  });

  /** A live reporting schema at this version's migrations, empty, and no earlier rebuild. */
  beforeEach(async () => {
    for (const schema of [REPORTING_SCHEMA, `${REPORTING_SCHEMA}_rebuild`, `${REPORTING_SCHEMA}_previous`])
      await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    const live = createServiceDataSource({
      url: database.url,
      schema: REPORTING_SCHEMA,
      entities: [...REPORTING_ENTITIES, ...AUDIT_ENTITIES, ...CASE_ACCESS_ENTITIES],
      migrations: [...REPORTING_MIGRATIONS, ...AUDIT_MIGRATIONS, ...CASE_ACCESS_MIGRATIONS],
      applicationName: 'reporting-rebuild-spec',
      poolSize: 1,
    });
    await initializeServiceDatabase(live);
    await closeServiceDatabase(live);
  });

  const protectionOf = async (caseId: string) =>
    (
      await sql.query<Array<{ version: number; withheld: boolean }>>(
        'SELECT "version", "withheld" FROM reporting.case_protection WHERE case_id = $1',
        [caseId],
      )
    )[0];
  const setProtection = (caseId: string, version: number, withheld: boolean) =>
    sql.query(
      `INSERT INTO reporting.case_protection (case_id, version, withheld, level, updated_at)
       VALUES ($1, $2, $3, $4, now())`,
      [caseId, version, withheld, withheld ? 'high' : null],
    );
  const setConsent = (caseId: string, version: number, scopes: ConsentScopes) =>
    sql.query(
      `INSERT INTO reporting.case_consent
         (case_id, version, raise_with_state, share_with_un_entities, publish, withdrawn, updated_at)
       VALUES ($1, $2, $3, $4, $5, false, now())`,
      [caseId, version, scopes.raiseWithState, scopes.shareWithUnEntities, scopes.publish],
    );
  const previousExists = async () =>
    (
      await sql.query<Array<{ found: boolean }>>(
        `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'reporting_previous') AS "found"`,
      )
    )[0]?.found;

  it('given a log missing the latest protection flag and consent change, when rebuilt, then it refuses naming the cases by id, prints withheld and consent figures, and leaves the live tables as they are', async () => {
    const hidden = randomUUID();
    const narrowed = randomUUID();
    // Live: flagged again after a lift (version 3), and consent narrowed to nothing (version 2).
    await setProtection(hidden, 3, true);
    await setConsent(narrowed, 2, NONE);
    // The log (a broker restored from a backup): the same rows, at older versions.
    const source = new ListedReplaySource([
      flagged(hidden, 1),
      lifted(hidden, 2),
      consented(narrowed, 1, WIDE),
    ]);
    const printed: string[] = [];

    const rebuilding = rebuildReportingProjections({
      databaseUrl: database.url,
      source,
      print: (line) => printed.push(line),
    });
    await expect(rebuilding).rejects.toThrow(RebuildRefusedError);
    await expect(rebuilding).rejects.toThrow(
      `an older protection flag or no longer withheld: case ${hidden}; an older or wider consent: case ${narrowed}`,
    );

    expect(await protectionOf(hidden)).toEqual({ version: 3, withheld: true });
    expect(await previousExists()).toBe(false);
    const output = printed.join('\n');
    expect(output).toMatch(/cases withheld \(case_protection\)\s+1\s+0\s+-1/);
    expect(output).toMatch(/case_consent raise with the State: named\s+0\s+1\s+\+1/);
    expect(output).toMatch(/case_consent share with UN entities: yes\s+0\s+1\s+\+1/);
  });

  it('given a log missing a share’s revocation and a case’s transfer of lead, when rebuilt, then it refuses naming both cases: the rebuilt tables would give access live took away', async () => {
    const shared = randomUUID();
    const shareId = randomUUID();
    const transferred = randomUUID();
    // Live: the share was revoked; the other case's lead was transferred.
    await sql.query(
      `INSERT INTO reporting.case_share (share_id, case_id, entity, scope, status, expires_at, updated_at)
       VALUES ($1, $2, 'UNHCR', 'full', 'revoked', NULL, now())`,
      [shareId, shared],
    );
    await sql.query(
      `INSERT INTO reporting.case_access (case_id, lead_entity, lead_since, lead_transfer_id, updated_at)
       VALUES ($1, 'UNHCR', now(), $2, now())`,
      [transferred, randomUUID()],
    );
    // The log: the share offered and accepted, never revoked; nothing of the transfer.
    const source = new ListedReplaySource([
      eventOf(CaseShared, shared, {
        caseId: shared,
        shareId,
        leadEntity: 'OHCHR',
        entity: 'UNHCR',
        scope: 'full',
        consentBasis: 'consent',
      }),
      eventOf(ShareAccepted, shared, { caseId: shared, shareId, entity: 'UNHCR' }),
    ]);

    const rebuilding = rebuildReportingProjections({
      databaseUrl: database.url,
      source,
      acceptFewerRows: true,
    });
    await expect(rebuilding).rejects.toThrow(
      `a share behind its live status, wider or longer, or another lead: case ${[shared, transferred].sort().join(', ')}`,
    );

    const [share] = await sql.query<Array<{ status: string }>>(
      'SELECT status FROM reporting.case_share WHERE share_id = $1',
      [shareId],
    );
    expect(share?.status).toBe('revoked');
    expect(await previousExists()).toBe(false);
  });

  it('given a log missing a case’s protection flag altogether, when rebuilt with --accept-fewer-rows, then it still refuses', async () => {
    const hidden = randomUUID();
    await setProtection(hidden, 1, true);

    await expect(
      rebuildReportingProjections({
        databaseUrl: database.url,
        source: new ListedReplaySource([]),
        acceptFewerRows: true,
      }),
    ).rejects.toThrow(/fewer rows once rebuilt in case_protection.*--accept-fewer-rows never applies/);

    expect(await protectionOf(hidden)).toEqual({ version: 1, withheld: true });
    expect(await previousExists()).toBe(false);
  });

  it('given a Kafka partition whose first records were deleted, when rebuilt, then it refuses naming the gap', async () => {
    await expect(
      rebuildReportingProjections({
        databaseUrl: database.url,
        source: new ListedReplaySource(
          [flagged(randomUUID(), 1)],
          ['intake.events partition 1 starts at offset 4 (earlier records were deleted)'],
        ),
      }),
    ).rejects.toThrow(
      'the log does not start at the beginning, so a rebuild would lose events: intake.events partition 1 starts at offset 4',
    );
    expect(await previousExists()).toBe(false);
  });

  it('given a swap, when rolled back before reporting restarts, then the tables go back and forth; once reporting processed an event after the swap, then rollback refuses', async () => {
    const caseId = randomUUID();
    const rebuilt = await rebuildReportingProjections({
      databaseUrl: database.url,
      source: new ListedReplaySource([flagged(caseId, 1)]),
    });
    expect(rebuilt.swapped).toBe(true);
    expect(await protectionOf(caseId)).toEqual({ version: 1, withheld: true });

    await rollBackReportingProjections({ databaseUrl: database.url });
    expect(await protectionOf(caseId)).toBeUndefined();
    await rollBackReportingProjections({ databaseUrl: database.url });
    expect(await protectionOf(caseId)).toEqual({ version: 1, withheld: true });

    // Reporting restarted and processed an event (an erasure, say) into the rebuilt tables.
    await sql.query(
      `INSERT INTO reporting.inbox_record (subscriber, event_id, event_type, processed_at)
       VALUES ('report-case-personal-data-erased', $1, 'PersonalDataErased', now())`,
      [randomUUID()],
    );
    await expect(rollBackReportingProjections({ databaseUrl: database.url })).rejects.toThrow(
      /reporting has processed events since the rebuilt tables were swapped in.*run a new rebuild instead/,
    );
    expect(await protectionOf(caseId)).toEqual({ version: 1, withheld: true });
  });
});
