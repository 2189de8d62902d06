// The demonstration lives in infra/, outside every project: this spec runs its fill function as `npm run demo` does.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { DemoRefused, fillDemoData, type DemoSummary } from '../../../infra/demo/fill-demo';
import { SERVICE_NAMES } from '@reprisals/contracts';
import { InProcessTransport } from '@reprisals/messaging';
import { createServicesApplication, DemoModeRefused } from '@reprisals/service-platform';
import { FICTIONAL_STATES, UN_STATES } from '@reprisals/un-states';
import { ALL_SERVICES } from '../src/all-services';
import { as, call, useStandaloneSystem, validAllegation } from './system.fixture';

/** A second process on the database of a running system, as a restart would be; refused before any service starts. */
const startAgainOn = (databaseUrl: string, demoMode: boolean) =>
  createServicesApplication({
    processName: 'standalone',
    services: ALL_SERVICES,
    databaseUrl,
    transport: new InProcessTransport(),
    quiet: true,
    demoMode,
  });

describe('outside demo mode', () => {
  const system = useStandaloneSystem('demo_off');
  const baseUrl = () => system().running.baseUrl;

  it('refuses a fictional State as any unknown code, naming the field, and has no demo clock', async () => {
    const refused = await call(baseUrl(), 'POST', '/intake/allegations', {
      ...(await as('intake-officer')),
      body: { ...validAllegation, stateConcerned: 'XRU' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toEqual([
      { field: 'stateConcerned', message: 'is not a UN Member or Observer State (ISO 3166-1 alpha-3)' },
    ]);
    expect((await call(baseUrl(), 'GET', '/demo/clock', await as('admin'))).status).toBe(404);
    const states = await call(baseUrl(), 'GET', '/intake/states', await as('intake-officer'));
    expect(states.body.states).toHaveLength(195);
    expect(states.body.states.map((state: { code: string }) => state.code)).not.toContain('XRU');
    expect(
      (await call(baseUrl(), 'GET', '/state-communication/missions/XRU', await as('admin'))).status,
    ).toBe(404);
    // The demonstration itself refuses such a system, and says how to start one.
    await expect(fillDemoData({ baseUrl: baseUrl(), cases: 2 })).rejects.toThrow(
      /not in demo mode.*DEMO_MODE=true npm start/,
    );
  });

  it('holds real cases: demo mode is refused on its database, saying to start the demonstration on its own', async () => {
    const started = startAgainOn(system().database.url, true);
    await expect(started).rejects.toThrow(DemoModeRefused);
    await expect(started).rejects.toThrow(
      /DEMO_MODE=true is refused on this database: it already holds data \(schemas .*intake.*\).*database of its own/,
    );
  });
});

describe('npm run demo on a system in demo mode', () => {
  beforeAll(() => {
    process.env['DEMO_MODE'] = 'true';
  });
  const system = useStandaloneSystem('demo_on');
  afterAll(() => {
    delete process.env['DEMO_MODE'];
  });
  const baseUrl = () => system().running.baseUrl;
  const analyst = () => as('reporting-analyst', 'OHCHR', 'analyst-demo');
  let summary: DemoSummary;

  beforeAll(async () => {
    summary = await fillDemoData({ baseUrl: baseUrl(), cases: 24, seed: 5424 });
  });

  it('admits the fictional States, their Missions listed with placeholder addresses', async () => {
    const mission = await call(baseUrl(), 'GET', '/state-communication/missions/XRU', await as('admin'));
    expect(mission.body).toMatchObject({
      code: 'XRU',
      name: 'Ruritania',
      nameFr: 'Ruritanie',
      email: 'permanent-mission.xru@example.org',
      placeholder: true,
    });
    expect(Object.keys(summary.byState).every((state) => /^X[A-Z]{2}$/.test(state))).toBe(true);
    // Intake offers them as States an allegation can concern.
    const states = await call(baseUrl(), 'GET', '/intake/states?language=fr', await as('intake-officer'));
    expect(states.body.states).toContainEqual(expect.objectContaining({ code: 'XRU', name: 'Ruritanie' }));
    expect(summary.tally.cases).toBe(24);
  });

  it('leaves a finalised annual report for each of the three past periods with annex I entries, annex II follow-ups, and the current one as a draft', async () => {
    const cycles = await Promise.all(
      summary.reports.map(
        async (report) =>
          (await call(baseUrl(), 'GET', `/reporting/cycles/${report.id}`, await analyst())).body,
      ),
    );
    expect(cycles.map((cycle) => [cycle.periodFrom, cycle.kind])).toEqual(
      summary.periods.map((period) => [period.from, 'sg-annual-report']),
    );
    for (const cycle of cycles.slice(0, 3)) expect(cycle.draft.annexI.length).toBeGreaterThan(0);
    expect(cycles.slice(1).some((cycle) => cycle.draft.annexII.length > 0)).toBe(true);
    expect(summary.reports.map((report) => report.version)).toEqual([1, 1, 1, null]);
    const html = await call(
      baseUrl(),
      'GET',
      `/reporting/cycles/${summary.reports[0]!.id}/export?format=html`,
      await analyst(),
    );
    expect(html.status).toBe(200);
    // The public text names the fictional State of each entry.
    const state = FICTIONAL_STATES.find((known) => known.alpha3 === cycles[0].draft.annexI[0].stateConcerned);
    expect(html.body).toContain(state!.names.en);
  });

  it("leaves an HRC President's briefing for each Council session, one following the other, finalised with the cases brought to the President's good offices, and the current one as a draft", async () => {
    const { briefings } = summary;
    expect(summary.tally.goodOffices).toBeGreaterThan(0);
    expect(briefings.length).toBeGreaterThanOrEqual(10);
    expect(briefings[0]!.period.from).toBe(summary.periods[0]!.from);
    for (const [index, briefing] of briefings.entries()) {
      expect(briefing.period.to.slice(5)).toMatch(/^(03-31|06-30|09-30)$/);
      if (index > 0) expect(briefing.period.from > briefings[index - 1]!.period.to).toBe(true);
    }
    expect(briefings.map((briefing) => briefing.version)).toEqual([
      ...briefings.slice(0, -1).map(() => 1),
      null,
    ]);
    const cycles = await Promise.all(
      briefings.map(
        async (briefing) =>
          (await call(baseUrl(), 'GET', `/reporting/cycles/${briefing.id}`, await analyst())).body,
      ),
    );
    expect(new Set(cycles.map((cycle) => cycle.kind))).toEqual(new Set(['hrc-president-briefing']));
    const finalisedWithEntries = cycles.slice(0, -1).filter((cycle) => cycle.draft.annexI.length > 0);
    expect(finalisedWithEntries.length).toBeGreaterThan(0);
    for (const cycle of finalisedWithEntries)
      for (const entry of cycle.draft.annexI)
        expect(entry.actionsTaken).toContain('hrc-president-good-offices');
    const versions = await call(
      baseUrl(),
      'GET',
      `/reporting/cycles/${finalisedWithEntries[0]!.id}/versions`,
      await analyst(),
    );
    expect(versions.status).toBe(200);
    const html = await call(
      baseUrl(),
      'GET',
      `/reporting/cycles/${finalisedWithEntries[0]!.id}/export?format=html`,
      await analyst(),
    );
    expect(html.status).toBe(200);
    expect(html.body).toContain('Cases brought to the attention of the President since the last session');
  });

  it('counts the fictional States in their regional groups, more than one, and never on the Human Rights Council', async () => {
    const byRegion = await call(
      baseUrl(),
      'GET',
      `/reporting/statistics?from=${summary.periods[0]!.from}&groupBy=region,hrcMember`,
      await analyst(),
    );
    expect(byRegion.status).toBe(200);
    const groups = byRegion.body.groups as Array<{ region: string; hrcMember: string; cases: unknown }>;
    const regions = new Set(groups.map((group) => group.region));
    expect(regions.size).toBeGreaterThan(1);
    expect(regions).not.toContain('no-group');
    expect(regions).toContain('eastern-european');
    expect(groups.filter((group) => group.hrcMember === 'member')).toEqual([]);
  });

  it('has States that replied and States whose deadline passed in silence, and the demo clock back at the system time', async () => {
    expect(summary.tally.replies).toBeGreaterThan(0);
    expect(summary.tally.missedDeadlines).toBeGreaterThan(0);
    const metrics = await call(
      baseUrl(),
      'GET',
      `/state-communication/metrics?from=${summary.periods[0]!.from}`,
      await as('supervisor'),
    );
    expect(metrics.status).toBe(200);
    expect(JSON.stringify(metrics.body)).toMatch(/"deadlinesMissed":[1-9]/);
    const clock = await call(baseUrl(), 'GET', '/demo/clock', await as('admin'));
    expect(clock.body.offsetMs).toBe(0);
  });

  it('refuses to fill the same system twice', async () => {
    await expect(fillDemoData({ baseUrl: baseUrl(), cases: 2 })).rejects.toThrow(DemoRefused);
    await expect(fillDemoData({ baseUrl: baseUrl(), cases: 2 })).rejects.toThrow(/filled once only/);
  });

  it('moves the clock for admins only, audited in every service’s trail', async () => {
    expect(
      (await call(baseUrl(), 'PUT', '/demo/clock', { ...(await as('supervisor')), body: { now: null } }))
        .status,
    ).toBe(403);
    const before = new Date(Date.now() - 60_000).toISOString();
    const moved = await call(baseUrl(), 'PUT', '/demo/clock', {
      ...(await as('admin', 'OHCHR', 'admin-moving-the-clock')),
      body: { now: null },
    });
    expect(moved.status).toBe(200);
    for (const service of SERVICE_NAMES) {
      const audit = await call(
        baseUrl(),
        'GET',
        `/${service}/audit?from=${before}&actor=admin-moving-the-clock`,
        await as('auditor'),
      );
      expect([service, audit.status]).toEqual([service, 200]);
      const moves = (audit.body.records as Array<{ action: string; target: string }>).filter((record) =>
        record.target.startsWith('PUT /demo/clock#from:'),
      );
      expect([service, moves.map((record) => record.action)]).toEqual([service, ['demo:clock']]);
    }
  });

  it('sends a call for input to every State to the fictional States too, the only ones with cases', async () => {
    const opened = await call(baseUrl(), 'POST', '/state-communication/calls-for-input', {
      ...(await as('state-liaison', 'OHCHR', 'state-liaison-demo')),
      body: { periodFrom: '2031-05-01', periodTo: '2032-04-30' },
    });
    expect(opened.status).toBe(201);
    const recipients = opened.body.recipients.map((line: { stateConcerned: string }) => line.stateConcerned);
    expect(recipients).toHaveLength(UN_STATES.length + FICTIONAL_STATES.length);
    expect(recipients).toEqual(expect.arrayContaining(FICTIONAL_STATES.map((state) => state.alpha3)));
  });

  it('marked its database as a demonstration: a start outside demo mode is refused on it, saying what to do', async () => {
    const started = startAgainOn(system().database.url, false);
    await expect(started).rejects.toThrow(DemoModeRefused);
    await expect(started).rejects.toThrow(
      /holds a demonstration with fictional data .*starts with DEMO_MODE=true only, never as a real system/,
    );
  });
});
