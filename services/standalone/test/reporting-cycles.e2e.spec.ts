import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import { ManualClock } from '@reprisals/kernel';
import { eventually } from '@reprisals/testing';
import { as, call, queryRows, useStandaloneSystem, validAllegation } from './system.fixture';
import { reportingClient } from './reporting.fixture';
import { LEAD, protocolClient } from './verification-protocol.fixture';

describe('reporting cycles: the annual report compiled from what every service told reporting', () => {
  const clock = new ManualClock('2026-11-30T09:00:00.000Z');
  const system = useStandaloneSystem('reporting_cycles', { clock });
  const baseUrl = () => system().running.baseUrl;
  const protocol = protocolClient(baseUrl, () => system().database.url);
  const analyst = () => as('reporting-analyst', LEAD, 'analyst-1');
  const intakeOfficer = () => as('intake-officer', LEAD, 'intake-officer-1');

  const { projected, compiled } = reportingClient(baseUrl, () => system().database.url, analyst);

  it('given cases verified with and without consent, one flagged and one not verified, when the annual report is compiled, then annex I holds the reportable one, anonymised, and every other is excluded with its reason; a withdrawal then removes it from the next compile', async () => {
    const reportable = await protocol.verifiedCase({ consent: true });
    const withoutConsent = await protocol.verifiedCase({ consent: false });
    const flagged = await protocol.verifiedCase({ consent: true });
    const unverified = await protocol.recordCase({ consent: true });
    const flag = await call(baseUrl(), 'POST', `/intake/allegations/${flagged}/protection-risk`, {
      ...(await intakeOfficer()),
      body: {
        level: 'severe',
        reason: 'person-in-hiding',
        note: 'The person went into hiding after the raid.',
      },
    });
    expect(flag.status).toBe(201);
    for (const caseId of [reportable, withoutConsent, flagged]) await projected(caseId, true);
    await projected(unverified, false);
    await eventually(async () => {
      const [row] = await queryRows<{ withheld: boolean }>(
        system().database.url,
        'SELECT withheld FROM reporting.case_protection WHERE case_id = $1',
        [flagged],
      );
      return row?.withheld === true;
    });

    const opened = await call(baseUrl(), 'POST', '/reporting/cycles', {
      ...(await analyst()),
      body: { kind: 'sg-annual-report', symbol: 'A/HRC/63/40' },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      periodFrom: '2026-05-01',
      periodTo: '2027-04-30',
      cutOff: '2027-04-30',
      policyVersion: 'reporting/v1',
      job: { state: 'not-compiled', percentDone: 0 },
    });

    const first = await compiled(opened.body.id);
    expect(first.job.percentDone).toBe(100);
    expect(first.draft.annexI).toEqual([
      expect.objectContaining({
        caseId: reportable,
        stateConcerned: validAllegation.stateConcerned,
        anonymised: true,
        // Consent to publish anonymously: nothing that could single the person out.
        summary:
          'A person who cooperated with the United Nations was reportedly subjected to intimidation or reprisal.',
        mechanism: null,
        category: null,
        acts: [],
        stateResponse: 'no-response-by-cut-off',
      }),
    ]);
    const reasons = Object.fromEntries(
      first.draft.exclusions.map((exclusion: { caseId: string; reason: string }) => [
        exclusion.caseId,
        exclusion.reason,
      ]),
    );
    expect(reasons).toMatchObject({
      [withoutConsent]: 'no-publication-consent',
      [flagged]: 'protection-risk',
      [unverified]: 'not-verified-by-cut-off',
    });
    // No identity: the victim's name and the allegation's own words appear nowhere in the draft.
    const text = JSON.stringify(first);
    expect(text).not.toContain(validAllegation.victims[0]!.name);
    expect(text).not.toContain(validAllegation.summary);

    // Finalised: a frozen version with the SHA-256 of its content; the case's timeline shows it.
    const finalise = async () =>
      call(baseUrl(), 'POST', `/reporting/cycles/${opened.body.id}/finalise`, {
        ...(await analyst()),
        body: {},
      });
    const v1 = await finalise();
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({
      version: 1,
      changes: { added: [{ caseId: reportable, annex: 'I' }], removed: [], changed: [] },
    });
    const frozen = await call(
      baseUrl(),
      'GET',
      `/reporting/cycles/${opened.body.id}/versions/1`,
      await analyst(),
    );
    expect(createHash('sha256').update(stringify(frozen.body.content)!).digest('hex')).toBe(
      v1.body.contentSha256,
    );
    expect(frozen.body.content.cycle.symbol).toBe('A/HRC/63/40');
    // Exported as it was frozen, the report is that version, not a draft.
    const exportedHtml = async () =>
      (
        await call(
          baseUrl(),
          'GET',
          `/reporting/cycles/${opened.body.id}/export?format=html`,
          await analyst(),
        )
      ).body as string;
    const v1Html = await exportedHtml();
    expect(v1Html).toContain(
      '<dt>Version 1, finalised on / Version 1, finalisée le</dt><dd>30 November 2026</dd>',
    );
    expect(v1Html).not.toContain('Draft compiled on');
    expect((await finalise()).body.reason).toBe('unchanged');
    const timeline = await call(baseUrl(), 'GET', `/reporting/cases/${reportable}/timeline`, await analyst());
    expect(timeline.body.entries.map((entry: { type: string }) => entry.type)).toContain(
      'CaseIncludedInReport',
    );
    await expect(
      queryRows(
        system().database.url,
        `UPDATE reporting.report_version SET content_sha256 = repeat('0', 64)`,
      ),
    ).rejects.toThrow(/never changed/);

    const withdrawn = await call(baseUrl(), 'POST', `/intake/allegations/${reportable}/consent/withdrawal`, {
      ...(await intakeOfficer()),
      body: { withdrawnBy: 'victim', withdrawnOn: '2026-11-30', form: 'oral' },
    });
    expect(withdrawn.status).toBe(201);
    await eventually(async () => {
      const [row] = await queryRows<{ publish: string }>(
        system().database.url,
        'SELECT publish FROM reporting.case_consent WHERE case_id = $1',
        [reportable],
      );
      return row?.publish === 'no';
    });
    // Consent changed since the compile: the draft is neither finalised nor exported as public text.
    const stale = await finalise();
    expect(stale.status).toBe(409);
    expect(stale.body.reason).toBe('stale-draft');
    const staleExport = await call(
      baseUrl(),
      'GET',
      `/reporting/cycles/${opened.body.id}/export?format=html`,
      await analyst(),
    );
    expect(staleExport.status).toBe(409);
    const second = await compiled(opened.body.id);
    expect(second.draft.annexI).toEqual([]);
    expect(second.counts).toMatchObject({ annexI: 0, excluded: { 'no-publication-consent': 2 } });
    expect(await exportedHtml()).toContain('<dt>Draft compiled on / Projet établi le</dt>');
    // A correction is a new version that says what changed; the first stays as it was.
    const v2 = await finalise();
    expect(v2.body).toMatchObject({
      version: 2,
      changes: { added: [], removed: [{ caseId: reportable, annex: 'I' }] },
    });
    expect(await exportedHtml()).toContain('<dt>Version 2, finalised on / Version 2, finalisée le</dt>');
    const versions = await call(
      baseUrl(),
      'GET',
      `/reporting/cycles/${opened.body.id}/versions`,
      await analyst(),
    );
    expect(versions.body.versions.map((version: { contentSha256: string }) => version.contentSha256)).toEqual(
      [v1.body.contentSha256, v2.body.contentSha256],
    );
  });

  it('given a compile whose process died, when its lease has run out, then another compile takes it over; before that, 409', async () => {
    const opened = await call(baseUrl(), 'POST', '/reporting/cycles', {
      ...(await analyst()),
      body: { kind: 'custom', periodFrom: '2026-01-01', periodTo: '2026-06-30' },
    });
    const stuckSince = async (at: string) =>
      queryRows(
        system().database.url,
        `UPDATE reporting.reporting_cycle SET job_state = 'compiling', updated_at = $2 WHERE id = $1`,
        [opened.body.id, at],
      );
    const compile = async () =>
      call(baseUrl(), 'POST', `/reporting/cycles/${opened.body.id}/compile`, {
        ...(await analyst()),
        body: {},
      });

    await stuckSince('2026-11-30T08:55:00.000Z');
    expect((await compile()).body.reason).toBe('compiling');
    await stuckSince('2026-11-30T08:49:00.000Z');
    expect((await compile()).status).toBe(202);
    // Opening the cycle and starting its compile are in the audit trail.
    const audit = await call(baseUrl(), 'GET', '/reporting/audit?limit=500', await as('auditor', LEAD));
    const targets = (audit.body.records as Array<{ target: string }>).map((record) => record.target);
    expect(targets).toEqual(
      expect.arrayContaining([
        `reporting-cycle:${opened.body.id}:opened`,
        `reporting-cycle:${opened.body.id}:compile`,
      ]),
    );
    await eventually(async () => {
      const cycle = await call(baseUrl(), 'GET', `/reporting/cycles/${opened.body.id}`, await analyst());
      return cycle.body.job.state === 'compiled';
    });
  });

  it('given bad input, when a cycle is opened, then a 400 names every field; an unknown cycle is 404; a role without report:compile is 403', async () => {
    const bad = await call(baseUrl(), 'POST', '/reporting/cycles', {
      ...(await analyst()),
      body: { kind: 'custom', periodTo: '2026-01-01', symbol: 'not a symbol', colour: 'red' },
    });
    expect(bad.status).toBe(400);
    expect((bad.body.issues as { field: string }[]).map((issue) => issue.field).sort()).toEqual([
      'colour',
      'periodFrom',
      'symbol',
    ]);
    const reversed = await call(baseUrl(), 'POST', '/reporting/cycles', {
      ...(await analyst()),
      body: { kind: 'custom', periodFrom: '2026-06-01', periodTo: '2026-05-01', cutOff: '2026-04-01' },
    });
    expect((reversed.body.issues as { field: string }[]).map((issue) => issue.field).sort()).toEqual([
      'cutOff',
      'periodTo',
    ]);
    const notANumber = await call(
      baseUrl(),
      'GET',
      '/reporting/cycles/00000000-0000-4000-8000-000000000000/versions/abc',
      await analyst(),
    );
    expect(notANumber.status).toBe(400);
    expect((notANumber.body.issues as { field: string }[]).map((issue) => issue.field)).toEqual(['version']);
    const unknown = await call(
      baseUrl(),
      'GET',
      '/reporting/cycles/00000000-0000-4000-8000-000000000000',
      await analyst(),
    );
    expect(unknown.status).toBe(404);
    const refused = await call(baseUrl(), 'POST', '/reporting/cycles', {
      ...(await as('state-liaison', LEAD)),
      body: { kind: 'sg-annual-report' },
    });
    expect(refused.status).toBe(403);
    const listed = await call(baseUrl(), 'GET', '/reporting/cycles', await analyst());
    expect(listed.body.cycles.every((cycle: { draft?: unknown }) => cycle.draft === undefined)).toBe(true);
  });
});
