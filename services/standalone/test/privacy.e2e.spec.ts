import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DestinationStream } from 'pino';
import { IntakeModule } from '@reprisals/intake';
import {
  consumerProgress,
  KafkaTransport,
  NamespacedTransport,
  readKafkaTopics,
  type KafkaRecord,
} from '@reprisals/messaging';
import { createLogger, recordSpans, type RecordedSpan, type SpanRecording } from '@reprisals/observability';
import { ReportingModule } from '@reprisals/reporting';
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
import { everyStoredRow, type StoredRow } from './stored-values.fixture';
import {
  call,
  queryRows,
  startProcess,
  tokenFor,
  validAllegation,
  type RunningProcess,
} from './system.fixture';

type ServiceName = 'intake' | 'verification' | 'state-communication' | 'reporting';

const SERVICES: Record<ServiceName, ServiceModuleFactory> = {
  intake: (options) => IntakeModule.register(options),
  verification: (options) => VerificationModule.register(options),
  'state-communication': (options) => StateCommunicationModule.register(options),
  reporting: (options) => ReportingModule.register(options),
};

/** Every level the services log at, and more. */
const LOG_LEVEL = 'trace';
const LEAD = 'OHCHR';
const PARTNER = 'SPECIAL-PROCEDURES';

/**
 * Fixture identities, one per field that carries one. They may be found in the answers of the
 * routes that return identities to those allowed, and nowhere else: no table in clear, no event,
 * no log line, no span, no error.
 */
const NAMES = {
  victim: 'Ximena Huarachi-Taipe',
  victimAlias: 'La Flaca Huarachi',
  victimContact: 'threema 7QX2 Huarachi relay',
  secondVictim: 'Teodoro Quenallata Mamani',
  secondVictimAlias: 'Don Teo Quenallata',
  secondVictimContact: '+99 7311 4402 Quenallata',
  organisation: 'Asociacion Yaku Purina Urubamba',
  organisationContact: 'yakupurina.urubamba@example.invalid',
  source: 'Wilfredo Ccallo-Apaza',
  sourceContact: 'wire ccallo-apaza-77',
  secondSource: 'Nilda Condori Yupanqui',
  cooperationDescription: 'Testified to the Subcommittee about the Pillcopata holding centre',
  place: 'Comisaria de Ollachea, Carabaya',
  actDescription: 'Agents of the Ollachea brigade confiscated her notebooks',
  detailedAccount: 'Stopped at the Yanahuara checkpoint after the Geneva briefing, held for two days',
  changedAccount: 'Corrected: held at the Yanahuara checkpoint for three days, then released at night',
  fileName: 'Huarachi-Taipe testimony Cusipata.txt',
  fileDescription: 'Scan of the Ollachea brigade list of names',
  fileContent: 'Sworn statement about the Pillcopata raid, signed Qori Ttito',
  refusedFileName: 'Quenallata passport Sicuani.exe',
};

/** Free text kept in intake by design (it must not name anyone): never on the wire, in logs or spans. */
const INTAKE_ONLY_TEXT = {
  sharePurpose: 'Follow-up by the rapporteur on the Wakaypata detention',
  protectionNote: 'Threats reported after the Chinchaypujio hearing',
  erasureNote: 'Requested in writing at the Kunturkanki office',
};

const allegation = {
  ...validAllegation,
  victims: [
    {
      kind: 'individual',
      name: NAMES.victim,
      aliases: [NAMES.victimAlias],
      gender: 'woman',
      ageGroup: 'adult',
      profile: 'human-rights-defender',
      contact: NAMES.victimContact,
    },
    {
      kind: 'individual',
      name: NAMES.secondVictim,
      aliases: [NAMES.secondVictimAlias],
      gender: 'man',
      ageGroup: 'older-person',
      profile: 'relative',
      contact: NAMES.secondVictimContact,
    },
    {
      kind: 'organisation',
      name: NAMES.organisation,
      organisationType: 'ngo',
      contact: NAMES.organisationContact,
    },
  ],
  sources: [
    {
      name: NAMES.source,
      contact: NAMES.sourceContact,
      channel: 'meeting',
      receivedOn: '2026-05-01',
      relation: 'relative',
      reliability: 'reliable',
    },
    { name: NAMES.secondSource, channel: 'email', receivedOn: '2026-05-02', relation: 'witness' },
  ],
  cooperation: {
    mechanism: 'treaty-body',
    detail: 'Subcommittee on Prevention of Torture',
    category: 'a',
    date: '2026-02-10',
    description: NAMES.cooperationDescription,
  },
  acts: [
    {
      type: 'arbitrary-arrest-or-detention',
      date: '2026-04-28',
      country: validAllegation.stateConcerned,
      place: NAMES.place,
      online: false,
      perpetrator: 'state',
      description: NAMES.actDescription,
    },
  ],
  detailedAccount: NAMES.detailedAccount,
  consent: {
    scopes: { raiseWithState: 'anonymous', shareWithUnEntities: 'yes', publish: 'no' },
    givenBy: 'victim',
    givenOn: '2026-05-01',
    form: 'written',
  },
};

/** Fails with the answer's body when its status is not the one expected. */
function expectStatus(answer: { status: number; body: unknown }, status: number): void {
  expect({ status: answer.status, body: answer.status === status ? '(as expected)' : answer.body }).toEqual({
    status,
    body: '(as expected)',
  });
}

/** Where a value that must not be there was found. */
interface Finding {
  where: string;
  value: string;
}

/** The fixture values (case-insensitive) that a text holds, with where it was found. */
function findingsIn(where: string, text: string, values: Record<string, string>): Finding[] {
  const lower = text.toLowerCase();
  return Object.entries(values)
    .filter(([, value]) => lower.includes(value.toLowerCase()))
    .map(([name]) => ({ where, value: name }));
}

describe('privacy in distributed mode: identities in no table in clear, no event, no log line, no span, no error', () => {
  const namespace = uniqueId('privacy');
  const running = new Map<ServiceName, RunningProcess>();
  const logLines: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void logLines.push(line) };
  let database: TestDatabase;
  let spans: SpanRecording;
  let attachmentsDir: string;
  let previousAttachmentsDir: string | undefined;

  const urlOf = (service: ServiceName): string => running.get(service)!.baseUrl;
  const as = async (role: Parameters<typeof tokenFor>[0], entity = LEAD) => ({
    token: await tokenFor(role, entity),
  });

  beforeAll(async () => {
    spans = recordSpans('privacy-e2e');
    // Intake keeps the sealed evidence files here; they are scanned too.
    previousAttachmentsDir = process.env['ATTACHMENTS_DIR'];
    attachmentsDir = mkdtempSync(path.join(tmpdir(), 'privacy-attachments-'));
    process.env['ATTACHMENTS_DIR'] = attachmentsDir;
    database = await createTestDatabase('privacy');
    for (const [name, register] of Object.entries(SERVICES) as [ServiceName, ServiceModuleFactory][]) {
      const transportLogger = createLogger(name, destination, { LOG_LEVEL }).child({
        component: 'transport',
      });
      running.set(
        name,
        await startProcess({
          processName: name,
          services: [register],
          databaseUrl: database.url,
          transport: new NamespacedTransport(
            new KafkaTransport({
              brokers: testKafkaBrokers(),
              clientId: `${namespace}-${name}`,
              logger: transportLogger,
            }),
            namespace,
          ),
          logDestination: destination,
          logLevel: LOG_LEVEL,
        }),
      );
    }
  });

  afterAll(async () => {
    for (const host of running.values()) await host.app.close();
    await database?.drop();
    await spans?.stop();
    rmSync(attachmentsDir, { recursive: true, force: true });
    if (previousAttachmentsDir === undefined) delete process.env['ATTACHMENTS_DIR'];
    else process.env['ATTACHMENTS_DIR'] = previousAttachmentsDir;
  });

  /** What the scenario left: the cases, and the answers to the requests that were refused. */
  interface Scenario {
    cases: { id: string; reference: string }[];
    pseudonyms: string[];
    refusals: { request: string; status: number; body: unknown }[];
    /** Answers of routes that never return identities. */
    identityFree: { request: string; body: unknown }[];
  }
  let scenario: Scenario | undefined;
  const done = (): Scenario => {
    if (!scenario) throw new Error('the scenario did not run to its end');
    return scenario;
  };

  it('given two cases recorded with every identity field, shared in full, read, refused, flagged, attached to and one erased, when every service caught up, then the erased case’s identities are gone from every API and its key destroyed', async () => {
    const refusals: Scenario['refusals'] = [];
    const identityFree: Scenario['identityFree'] = [];
    const refused = async (request: string, answer: Promise<{ status: number; body: unknown }>) => {
      const { status, body } = await answer;
      refusals.push({ request, status, body });
      return status;
    };
    const identityFreeRead = async (service: ServiceName, route: string, role: Parameters<typeof as>[0]) => {
      const answer = await call(urlOf(service), 'GET', route, await as(role));
      expect({ route, status: answer.status }).toEqual({ route, status: 200 });
      identityFree.push({ request: `GET ${route}`, body: answer.body });
      return answer.body;
    };

    // Two cases with the same people: the second one is screened as a possible duplicate.
    const cases: Scenario['cases'] = [];
    for (const body of [allegation, { ...allegation, receivedVia: 'online-form' }]) {
      const created = await call(urlOf('intake'), 'POST', '/intake/allegations', {
        ...(await as('intake-officer')),
        body,
      });
      expectStatus(created, 201);
      cases.push(created.body);
    }
    const [kept, erased] = cases as [Scenario['cases'][number], Scenario['cases'][number]];

    const read = await call(
      urlOf('intake'),
      'GET',
      `/intake/allegations/${kept.id}`,
      await as('intake-officer'),
    );
    const changed = await call(urlOf('intake'), 'PATCH', `/intake/allegations/${kept.id}`, {
      ...(await as('intake-officer')),
      body: { detailedAccount: NAMES.changedAccount },
      headers: { 'if-match': read.headers.get('etag') ?? '' },
    });
    expectStatus(changed, 200);

    // Evidence: its name, description and content are identities too.
    const attachmentOf = async (caseId: string) => {
      const form = new FormData();
      form.append('description', NAMES.fileDescription);
      form.append('file', new Blob([NAMES.fileContent], { type: 'text/plain' }), NAMES.fileName);
      const added = await call(urlOf('intake'), 'POST', `/intake/allegations/${caseId}/attachments`, {
        ...(await as('intake-officer')),
        body: form,
      });
      expectStatus(added, 201);
      return added.body.id as string;
    };
    const attachments = { kept: await attachmentOf(kept.id), erased: await attachmentOf(erased.id) };

    // Both cases are shared in full: the partner reads the identities and the evidence.
    for (const { id } of cases) {
      const offered = await call(urlOf('intake'), 'POST', `/intake/allegations/${id}/shares`, {
        ...(await as('intake-officer')),
        body: { entity: PARTNER, purpose: INTAKE_ONLY_TEXT.sharePurpose, scope: 'full' },
      });
      expectStatus(offered, 201);
      const accepted = await call(
        urlOf('intake'),
        'POST',
        `/intake/allegations/${id}/shares/${offered.body.shareId}/accept`,
        await as('focal-point', PARTNER),
      );
      expectStatus(accepted, 200);
    }
    const identitiesOf = async (caseId: string, entity: string, role: Parameters<typeof as>[0]) =>
      call(urlOf('intake'), 'GET', `/intake/allegations/${caseId}/identities`, await as(role, entity));
    for (const { id } of cases) {
      const byPartner = await identitiesOf(id, PARTNER, 'focal-point');
      expectStatus(byPartner, 200);
      expect(byPartner.body.victims.map((victim: { name: string }) => victim.name)).toEqual([
        NAMES.victim,
        NAMES.secondVictim,
        NAMES.organisation,
      ]);
      expect(byPartner.body.sources.map((source: { name: string }) => source.name)).toEqual([
        NAMES.source,
        NAMES.secondSource,
      ]);
      expect((await identitiesOf(id, LEAD, 'intake-officer')).status).toBe(200);
    }
    const download = await call(
      urlOf('intake'),
      'GET',
      `/intake/allegations/${kept.id}/attachments/${attachments.kept}`,
      await as('focal-point', PARTNER),
    );
    expect(download).toMatchObject({ status: 200, body: NAMES.fileContent });
    expect(decodeURIComponent(download.headers.get('content-disposition') ?? '')).toContain(NAMES.fileName);
    const listed = await call(
      urlOf('intake'),
      'GET',
      `/intake/allegations/${kept.id}/attachments`,
      await as('focal-point', PARTNER),
    );
    expect(listed.body.attachments).toEqual([
      expect.objectContaining({ id: attachments.kept, description: NAMES.fileDescription }),
    ]);

    // A protection risk, flagged by the partner.
    const flagged = await call(urlOf('intake'), 'POST', `/intake/allegations/${kept.id}/protection-risk`, {
      ...(await as('focal-point', PARTNER)),
      body: { level: 'high', reason: 'person-in-hiding', note: INTAKE_ONLY_TEXT.protectionNote },
    });
    expectStatus(flagged, 201);

    // Refused requests that carry identities in the wrong places: no answer may quote them.
    const officer = await as('intake-officer');
    const [firstVictim, secondVictim, organisation] = allegation.victims;
    const post = (route: string, body: unknown, token = officer) =>
      call(urlOf('intake'), 'POST', route, { ...token, body });
    expect(
      await refused(
        'a name in an unknown field, and a name too long',
        post('/intake/allegations', {
          ...allegation,
          victims: [
            { ...firstVictim, nickname: NAMES.victimAlias },
            { ...secondVictim, name: `${NAMES.secondVictim} `.repeat(20) },
            organisation,
          ],
        }),
      ),
    ).toBe(400);
    expect(
      await refused(
        'names in fields that take codes, dates and categories',
        post('/intake/allegations', {
          ...allegation,
          stateConcerned: NAMES.victim,
          receivedOn: NAMES.source,
          victims: [{ ...firstVictim, gender: NAMES.victimAlias, ageGroup: NAMES.organisation }],
          sources: [{ ...allegation.sources[0], relation: NAMES.sourceContact, receivedOn: NAMES.place }],
          acts: [{ ...allegation.acts[0], country: NAMES.secondVictim, type: NAMES.actDescription }],
          cooperation: { ...allegation.cooperation, mechanism: NAMES.cooperationDescription },
          submissionLanguage: NAMES.victimContact,
        }),
      ),
    ).toBe(400);
    expect(
      await refused(
        'a victim that is neither an individual nor an organisation',
        post('/intake/allegations', {
          ...allegation,
          victims: [{ kind: NAMES.secondVictimAlias, name: NAMES.secondVictim }],
        }),
      ),
    ).toBe(400);
    expect(
      await refused(
        'malformed JSON around a name',
        call(urlOf('intake'), 'POST', '/intake/allegations', {
          ...officer,
          rawBody: `{"victims":[{"name":"${NAMES.victim}","contact":"${NAMES.victimContact}"`,
        }),
      ),
    ).toBe(400);
    expect(
      await refused(
        'a name as the entity of a share',
        post(`/intake/allegations/${kept.id}/shares`, {
          entity: NAMES.organisation,
          purpose: INTAKE_ONLY_TEXT.sharePurpose,
          scope: NAMES.secondSource,
        }),
      ),
    ).toBe(400);
    expect(
      await refused(
        'a name as the level of a protection risk',
        post(`/intake/allegations/${kept.id}/protection-risk`, {
          level: NAMES.victim,
          reason: NAMES.source,
          note: INTAKE_ONLY_TEXT.protectionNote,
        }),
      ),
    ).toBe(400);
    expect(
      await refused(
        'a name where consent says who gave it',
        post(`/intake/allegations/${kept.id}/consent`, {
          ...allegation.consent,
          givenBy: NAMES.secondVictim,
        }),
      ),
    ).toBe(400);
    expect(
      await refused(
        'a name in a change of an unknown field',
        call(urlOf('intake'), 'PATCH', `/intake/allegations/${kept.id}`, {
          ...officer,
          body: { victimName: NAMES.victim, receivedVia: NAMES.secondVictimContact },
          headers: { 'if-match': read.headers.get('etag') ?? '' },
        }),
      ),
    ).toBe(400);
    expect(
      await refused(
        'a name as the reason of an erasure',
        call(urlOf('intake'), 'DELETE', `/intake/allegations/${erased.id}/personal-data`, {
          ...(await as('supervisor')),
          body: { reason: NAMES.secondSource, note: INTAKE_ONLY_TEXT.erasureNote },
        }),
      ),
    ).toBe(400);
    const refusedFile = new FormData();
    refusedFile.append('description', NAMES.fileDescription);
    refusedFile.append('caption', NAMES.victim);
    refusedFile.append(
      'file',
      new Blob([NAMES.fileContent], { type: 'application/x-msdownload' }),
      NAMES.refusedFileName,
    );
    expect(
      await refused(
        'an evidence form with a name in an unknown part',
        post(`/intake/allegations/${kept.id}/attachments`, refusedFile),
      ),
    ).toBe(400);
    const typeOnly = new FormData();
    typeOnly.append(
      'file',
      new Blob([NAMES.fileContent], { type: 'application/x-msdownload' }),
      NAMES.refusedFileName,
    );
    expect(
      await refused(
        'an evidence file of a refused type, named after a person',
        post(`/intake/allegations/${kept.id}/attachments`, typeOnly),
      ),
    ).toBe(415);
    for (const [service, route, role] of [
      ['intake', `/intake/states?language=${encodeURIComponent(NAMES.victim)}`, 'intake-officer'],
      ['reporting', `/reporting/cases?state=${encodeURIComponent(NAMES.organisation)}`, 'reporting-analyst'],
      ['reporting', `/reporting/cases?from=${encodeURIComponent(NAMES.source)}`, 'reporting-analyst'],
      ['reporting', `/reporting/statistics?groupBy=${encodeURIComponent(NAMES.victim)}`, 'reporting-analyst'],
    ] as const) {
      expect(await refused(`GET ${route}`, call(urlOf(service), 'GET', route, await as(role)))).toBe(400);
    }

    // The second case is erased: its identities cannot be read again, by anyone.
    const erasure = await call(urlOf('intake'), 'DELETE', `/intake/allegations/${erased.id}/personal-data`, {
      ...(await as('supervisor')),
      body: { reason: 'request-of-the-person', note: INTAKE_ONLY_TEXT.erasureNote },
    });
    expectStatus(erasure, 200);
    for (const [entity, role] of [
      [LEAD, 'intake-officer'],
      [LEAD, 'supervisor'],
      [PARTNER, 'focal-point'],
    ] as const) {
      const credentials = await as(role, entity);
      for (const route of [
        `/intake/allegations/${erased.id}/identities`,
        `/intake/allegations/${erased.id}/attachments`,
        `/intake/allegations/${erased.id}/attachments/${attachments.erased}`,
      ]) {
        const answer = await call(urlOf('intake'), 'GET', route, credentials);
        expect({ entity, route, status: answer.status }).toEqual({ entity, route, status: 410 });
        refusals.push({
          request: `GET ${route} as ${role} of ${entity}`,
          status: answer.status,
          body: answer.body,
        });
      }
    }
    const keys = await queryRows<{ case_id: string; wrapped_key: Buffer | null; destroyed_at: Date | null }>(
      database.url,
      'SELECT case_id, wrapped_key, destroyed_at FROM intake.case_data_key WHERE case_id = ANY($1) ORDER BY case_id',
      [[kept.id, erased.id]],
    );
    expect(keys.find((key) => key.case_id === erased.id)).toEqual({
      case_id: erased.id,
      wrapped_key: null,
      destroyed_at: expect.any(Date),
    });
    expect(keys.find((key) => key.case_id === kept.id)?.wrapped_key).toEqual(expect.any(Buffer));
    expect((await identitiesOf(kept.id, PARTNER, 'focal-point')).status).toBe(200);

    // Reporting has both cases; then every outbox is published and every consumer caught up.
    for (const { id } of cases) {
      await eventually(
        async () =>
          (
            await call(
              urlOf('reporting'),
              'GET',
              `/reporting/cases/${id}/timeline`,
              await as('reporting-analyst'),
            )
          ).status === 200,
        { timeoutMs: 30_000, description: `case ${id} in reporting` },
      );
    }
    await everyServiceCaughtUp();

    // The routes that never return identities, read after everything was projected.
    const summary = await identityFreeRead('intake', `/intake/allegations/${kept.id}`, 'intake-officer');
    await identityFreeRead('intake', `/intake/allegations/${erased.id}`, 'intake-officer');
    await identityFreeRead('intake', '/intake/allegations', 'intake-officer');
    await identityFreeRead('intake', `/intake/allegations/${kept.id}/protection-risk`, 'intake-officer');
    await identityFreeRead('intake', `/intake/allegations/${kept.id}/possible-duplicates`, 'intake-officer');
    await identityFreeRead('intake', `/intake/audit?caseId=${kept.id}`, 'auditor');
    for (const { id } of cases) {
      await identityFreeRead('verification', `/verification/cases/${id}`, 'verification-officer');
      await identityFreeRead('reporting', `/reporting/cases/${id}/timeline`, 'reporting-analyst');
      await identityFreeRead('reporting', `/reporting/cases/${id}/audit`, 'auditor');
    }
    await identityFreeRead(
      'state-communication',
      `/state-communication/states/${validAllegation.stateConcerned}/cases`,
      'state-liaison',
    );
    await identityFreeRead(
      'reporting',
      `/reporting/cases?state=${validAllegation.stateConcerned}`,
      'reporting-analyst',
    );
    await identityFreeRead(
      'reporting',
      '/reporting/statistics?from=2026-01-01&to=2026-12-31&groupBy=gender,actType,mechanism',
      'reporting-analyst',
    );

    // Those reads were audited: their records, too, reach every table they go to before the scans.
    await everyServiceCaughtUp();
    scenario = {
      cases,
      pseudonyms: (summary as { victims: { pseudonym: string }[] }).victims.map((victim) => victim.pseudonym),
      refusals,
      identityFree,
    };
  });

  /**
   * Every event written is published and consumed: no outbox has one pending, none was written
   * while the consumer groups were read, and every group committed every partition it reads.
   */
  const everyServiceCaughtUp = () =>
    eventually(
      async () => {
        const before = await outboxes();
        const progress = await consumerProgress({ brokers: testKafkaBrokers(), prefix: `${namespace}.` });
        const after = await outboxes();
        return (
          before.pending === 0 &&
          before.total === after.total &&
          progress.rebalancing.length === 0 &&
          progress.behind.length === 0
        );
      },
      {
        timeoutMs: 30_000,
        intervalMs: 200,
        description: 'every outbox published and every consumer caught up',
      },
    );

  /** Events waiting in the outboxes of every service, and how many were ever written. */
  const outboxes = async (): Promise<{ pending: number; total: number }> => {
    const tables = await queryRows<{ schema: string }>(
      database.url,
      `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox_message'`,
    );
    let pending = 0;
    let total = 0;
    for (const { schema } of tables) {
      const [row] = await queryRows<{ pending: string; total: string }>(
        database.url,
        `SELECT count(*) FILTER (WHERE published_at IS NULL) AS pending, count(*) AS total FROM "${schema}".outbox_message`,
      );
      pending += Number(row?.pending ?? 0);
      total += Number(row?.total ?? 0);
    }
    return { pending, total };
  };

  it('then no table of any schema holds an identity in clear, and intake’s own notes stay in intake', async () => {
    const { cases } = done();
    const stored: StoredRow[] = await everyStoredRow(database.url);

    const everything = stored.map((row) => row.row).join('\n');
    for (const { id } of cases) expect(everything).toContain(id);
    expect(stored.flatMap((row) => findingsIn(row.table, row.row, NAMES))).toEqual([]);
    const outsideIntake = stored.filter((row) => !row.table.startsWith('intake.'));
    expect(new Set(outsideIntake.map((row) => row.table.split('.')[0]))).toEqual(
      new Set(['verification', 'state_communication', 'reporting']),
    );
    expect(outsideIntake.flatMap((row) => findingsIn(row.table, row.row, INTAKE_ONLY_TEXT))).toEqual([]);
  });

  it('then reporting counts both cases by categories only, and no table of the reporting schema holds a name or a free text, even one that travels on the wire', async () => {
    const { cases } = done();
    const counted = await queryRows<{ case_id: string; victims: Record<string, unknown>[]; acts: unknown[] }>(
      database.url,
      'SELECT case_id, victims, acts FROM reporting.report_case WHERE case_id = ANY($1)',
      [cases.map(({ id }) => id)],
    );
    expect(counted.map((row) => row.case_id).sort()).toEqual(cases.map(({ id }) => id).sort());
    for (const row of counted) {
      expect(row.victims.map((victim) => Object.keys(victim).sort())).toEqual(
        Array.from({ length: 3 }, () =>
          ['ageGroup', 'gender', 'kind', 'organisationType', 'profile', 'pseudonym'].sort(),
        ),
      );
      expect(row.acts).toHaveLength(1);
    }
    const reporting = (await everyStoredRow(database.url)).filter((row) =>
      row.table.startsWith('reporting.'),
    );
    expect(new Set(reporting.map((row) => row.table))).toContain('reporting.report_case');
    // The mandate named in `detail` is on the wire (AllegationReceived); the summary stays in intake.
    const freeText = { cooperationDetail: allegation.cooperation.detail, summary: allegation.summary };
    expect(reporting.flatMap((row) => findingsIn(row.table, row.row, { ...NAMES, ...freeText }))).toEqual([]);
  });

  it('then the sealed evidence files hold no identity in clear', () => {
    done();
    const files = readdirSync(attachmentsDir, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    );
    expect(files.length).toBeGreaterThan(0);
    const findings = files.flatMap((file) =>
      findingsIn(file.name, readFileSync(path.join(file.parentPath, file.name)).toString('latin1'), NAMES),
    );
    expect(findings).toEqual([]);
  });

  it('then no record of any topic (key, value, headers) carries an identity or an intake note, while the cases’ ids, references and pseudonyms are there', async () => {
    const { cases, pseudonyms } = done();
    const { topics, records } = await readKafkaTopics({
      brokers: testKafkaBrokers(),
      prefix: `${namespace}.`,
    });

    expect(topics).toEqual(expect.arrayContaining([`${namespace}.reprisals.intake.events`]));
    const texts = records.map((record: KafkaRecord) => ({
      where: `${record.topic}@${record.partition}:${record.offset}`,
      text: JSON.stringify([record.key, record.value, record.headers]),
    }));
    const wire = texts.map(({ text }) => text).join('\n');
    for (const { id, reference } of cases) {
      expect(wire).toContain(id);
      expect(wire).toContain(reference);
    }
    for (const pseudonym of pseudonyms) expect(wire).toContain(pseudonym);
    // Keys are case ids, and every record carries its CloudEvents headers: both were read.
    expect(records.map((record) => record.key)).toEqual(
      expect.arrayContaining(cases.map((entry) => entry.id)),
    );
    expect(records.every((record) => (record.headers['ce_type'] ?? []).length === 1)).toBe(true);
    // Every step of the scenario went over the wire, so every one was scanned.
    const types = new Set(records.map((record) => record.headers['ce_type']?.[0]));
    for (const step of [
      'allegation-received',
      'consent-recorded',
      'possible-duplicate-found',
      'allegation-changed',
      'evidence-added',
      'case-shared',
      'share-accepted',
      'protection-risk-flagged',
      'personal-data-erased',
    ]) {
      expect(types).toContain(`org.un.reprisals.intake.${step}`);
    }
    expect(texts.flatMap(({ where, text }) => findingsIn(where, text, NAMES))).toEqual([]);
    expect(texts.flatMap(({ where, text }) => findingsIn(where, text, INTAKE_ONLY_TEXT))).toEqual([]);
  });

  it('then no log line of any service, at the most verbose level, carries an identity or an intake note, while requests, messaging and transports were logged', () => {
    const { cases } = done();
    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

    // Every service's relay or consumer, every transport, and the requests to every service.
    const messaging = new Set(
      entries.filter((entry) => entry['component'] === 'messaging').map((entry) => entry['service']),
    );
    expect(messaging).toEqual(new Set(Object.keys(SERVICES)));
    const transports = new Set(
      entries.filter((entry) => entry['component'] === 'transport').map((entry) => entry['service']),
    );
    expect(transports).toEqual(new Set(Object.keys(SERVICES)));
    const requested = new Set(
      entries
        .map((entry) => (entry['req'] as { path?: string } | undefined)?.path?.split('/')[1])
        .filter(Boolean),
    );
    expect(requested).toEqual(new Set(Object.keys(SERVICES)));
    const logged = logLines.join('');
    for (const { id } of cases) expect(logged).toContain(id);
    expect(logLines.flatMap((line, index) => findingsIn(`log line ${index}`, line, NAMES))).toEqual([]);
    expect(
      logLines.flatMap((line, index) => findingsIn(`log line ${index}`, line, INTAKE_ONLY_TEXT)),
    ).toEqual([]);
  });

  it('then no span (name, attributes, events, links, status) carries an identity or an intake note, while the consumers’ spans were recorded', () => {
    done();
    const recorded: RecordedSpan[] = spans.spans();

    // Each consuming service's spans, for the events of the topics it reads.
    const consumed = recorded.filter((span) => span.attributes['messaging.system'] === 'kafka');
    expect(new Set(consumed.map((span) => span.attributes['messaging.consumer.group.name']))).toEqual(
      new Set(['reprisals.verification', 'reprisals.state-communication', 'reprisals.reporting']),
    );
    expect(consumed.map((span) => span.attributes['messaging.destination.name'])).toContain(
      'reprisals.intake.events',
    );
    const texts = recorded.map((span, index) => ({
      where: `span ${index} ${span.name}`,
      text: JSON.stringify(span),
    }));
    expect(texts.flatMap(({ where, text }) => findingsIn(where, text, NAMES))).toEqual([]);
    expect(texts.flatMap(({ where, text }) => findingsIn(where, text, INTAKE_ONLY_TEXT))).toEqual([]);
  });

  it('then no refusal quotes what it refused, and routes without identities return none', () => {
    const { refusals, identityFree } = done();

    const issues = refusals.flatMap(({ body }) => (body as { issues?: { field: string }[] }).issues ?? []);
    expect(issues.map((issue) => issue.field)).toEqual(
      expect.arrayContaining(['victims.0.nickname', 'victims.1.name', 'stateConcerned', 'entity', 'level']),
    );
    expect(
      refusals.flatMap(({ request, body }) => findingsIn(request, JSON.stringify(body ?? null), NAMES)),
    ).toEqual([]);
    expect(
      identityFree.flatMap(({ request, body }) => findingsIn(request, JSON.stringify(body), NAMES)),
    ).toEqual([]);
  });
});
