import { ManualClock } from '@reprisals/kernel';
import { eventually } from '@reprisals/testing';
import { as, call, queryRows, useStandaloneSystem } from './system.fixture';
import { reportingClient } from './reporting.fixture';
import { engagementWith } from './state-communication.fixture';
import { LEAD, protocolClient } from './verification-protocol.fixture';

interface Entry {
  caseId: string;
  actionsTaken: string[];
  stateResponse: unknown;
}

describe('reports that follow their cases: annex II over finalised cycles, and the HRC President’s briefings', () => {
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');
  const system = useStandaloneSystem('reporting_follow_up', { clock });
  const baseUrl = () => system().running.baseUrl;
  const protocol = protocolClient(baseUrl, () => system().database.url);
  const analyst = () => as('reporting-analyst', LEAD, 'analyst-1');
  const { projected, compiled } = reportingClient(baseUrl, () => system().database.url, analyst);

  const open = async (body: Record<string, unknown>) =>
    call(baseUrl(), 'POST', '/reporting/cycles', { ...(await analyst()), body });
  const finalise = async (cycleId: string) =>
    call(baseUrl(), 'POST', `/reporting/cycles/${cycleId}/finalise`, { ...(await analyst()), body: {} });
  const caseIdsOf = (entries: Entry[]) => entries.map((entry) => entry.caseId);
  const inclusionsOf = async (caseId: string) => {
    const timeline = await call(baseUrl(), 'GET', `/reporting/cases/${caseId}/timeline`, await analyst());
    return (timeline.body.entries as Array<{ type: string }>).filter(
      (entry) => entry.type === 'CaseIncludedInReport',
    ).length;
  };
  const repliesProjected = (caseId: string, count: number) =>
    eventually(async () => {
      const [row] = await queryRows<{ replies: number }>(
        system().database.url,
        'SELECT jsonb_array_length(state_replies) AS replies FROM reporting.report_case WHERE case_id = $1',
        [caseId],
      );
      return (row?.replies ?? 0) >= count;
    });
  const actionsProjected = (caseId: string, type: string) =>
    eventually(async () => {
      const [row] = await queryRows<{ decided: boolean }>(
        system().database.url,
        `SELECT EXISTS (SELECT 1 FROM jsonb_array_elements(response_actions) action
                         WHERE action->>'type' = $2 AND action->>'decidedOn' IS NOT NULL) AS decided
           FROM reporting.report_case WHERE case_id = $1`,
        [caseId, type],
      );
      return row?.decided === true;
    });

  /** A case of the first annual report that nothing happened to afterwards (set by the first test). */
  let reportedEarlier: string | undefined;

  it("given two cases in a finalised annual report, when the State replies on one during the next period, then the next report follows it up in annex II with that reply alone, leaves the quiet one out, takes a late verification into annex I, and the case's timeline shows both reports", async () => {
    // Period 2026-05-01 .. 2027-04-30: two cases verified, one of them raised with the State.
    const engaged = await engagementWith(baseUrl, protocol);
    const quiet = await protocol.verifiedCase({ consent: true });
    await projected(engaged.caseId, true);
    await projected(quiet, true);

    clock.set('2027-05-03T09:00:00.000Z');
    const first = await open({
      kind: 'sg-annual-report',
      periodFrom: '2026-05-01',
      periodTo: '2027-04-30',
      symbol: 'A/HRC/63/40',
    });
    expect(first.status).toBe(201);
    // One annual report per period: a second one for a day of it is refused, naming the first.
    const again = await open({ kind: 'sg-annual-report', periodFrom: '2027-04-01', periodTo: '2028-03-31' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ reason: 'period-taken' });
    expect(again.body.message).toContain(first.body.id);
    const firstDraft = (await compiled(first.body.id)).draft;
    expect(caseIdsOf(firstDraft.annexI).sort()).toEqual([engaged.caseId, quiet].sort());
    expect(firstDraft.annexII).toEqual([]);
    expect((await finalise(first.body.id)).body).toMatchObject({ version: 1 });

    // During the next period the State answers the letter, and a case of the earlier period is
    // concluded only now: late for the first report, it belongs to the second.
    clock.set('2027-06-10T09:00:00.000Z');
    const replied = await call(
      baseUrl(),
      'POST',
      `/state-communication/communications/${engaged.id}/replies`,
      {
        ...(await as('state-liaison', LEAD, 'state-liaison-1')),
        body: {
          type: 'information-on-measures-taken',
          receivedOn: '2027-06-10',
          language: 'en',
          assessment: 'partially-responsive',
        },
      },
    );
    expect(replied.status).toBe(201);
    const late = await protocol.verifiedCase({ consent: true });
    await projected(late, true);
    await repliesProjected(engaged.caseId, 1);

    clock.set('2028-05-02T09:00:00.000Z');
    const second = await open({
      kind: 'sg-annual-report',
      periodFrom: '2027-05-01',
      periodTo: '2028-04-30',
      symbol: 'A/HRC/66/40',
    });
    const secondDraft = (await compiled(second.body.id)).draft;
    expect(caseIdsOf(secondDraft.annexI)).toEqual([late]);
    expect(secondDraft.annexII).toEqual([
      expect.objectContaining({
        caseId: engaged.caseId,
        // What happened in the period only: the engagement decided in 2026 was reported then.
        actionsTaken: [],
        stateResponse: { type: 'information-on-measures-taken', receivedOn: '2027-06-10' },
      }),
    ]);
    const leftOut = (secondDraft.exclusions as Array<{ caseId: string }>).map(
      (exclusion) => exclusion.caseId,
    );
    expect(leftOut).not.toContain(quiet);
    const finalised = await finalise(second.body.id);
    expect(finalised.status).toBe(201);
    expect(finalised.body.changes.added).toEqual(
      expect.arrayContaining([
        { caseId: engaged.caseId, annex: 'II' },
        { caseId: late, annex: 'I' },
      ]),
    );
    await eventually(async () => (await inclusionsOf(engaged.caseId)) === 2);
    expect(await inclusionsOf(quiet)).toBe(1);
    // Each inclusion says which report, and in which annex.
    const timeline = await call(
      baseUrl(),
      'GET',
      `/reporting/cases/${engaged.caseId}/timeline`,
      await analyst(),
    );
    expect(
      (timeline.body.entries as Array<{ type: string; detail: unknown }>)
        .filter((entry) => entry.type === 'CaseIncludedInReport')
        .map((entry) => entry.detail),
    ).toEqual([
      { kind: 'sg-annual-report', symbol: 'A/HRC/63/40', version: 1, annex: 'I' },
      { kind: 'sg-annual-report', symbol: 'A/HRC/66/40', version: 1, annex: 'II' },
    ]);
    reportedEarlier = quiet;
  });

  it("given cases brought to the HRC President's attention, when the session's briefing is compiled, then it holds them and what was done, leaves out a flagged one, ignores cases never brought to the President, and the next briefing starts the day after and follows them up", async () => {
    clock.set('2028-05-10T09:00:00.000Z');
    const brought = await protocol.verifiedCase({ consent: true });
    await protocol.decide(brought, { actionType: 'hrc-president-good-offices' });
    const flagged = await protocol.verifiedCase({ consent: true });
    await protocol.decide(flagged, { actionType: 'hrc-president-good-offices' });
    const notBrought = await protocol.verifiedCase({ consent: true });
    // In the Secretary-General's report already, new to the President.
    const fromAnnualReport = reportedEarlier!;
    await protocol.decide(fromAnnualReport, { actionType: 'hrc-president-good-offices' });
    await actionsProjected(fromAnnualReport, 'hrc-president-good-offices');
    await actionsProjected(brought, 'hrc-president-good-offices');
    await actionsProjected(flagged, 'hrc-president-good-offices');
    await projected(notBrought, true);
    const flag = await call(baseUrl(), 'POST', `/intake/allegations/${flagged}/protection-risk`, {
      ...(await as('intake-officer', LEAD, 'intake-officer-1')),
      body: { level: 'severe', reason: 'person-in-hiding', note: 'The person moved after a visit.' },
    });
    expect(flag.status).toBe(201);
    await eventually(async () => {
      const [row] = await queryRows<{ withheld: boolean }>(
        system().database.url,
        'SELECT withheld FROM reporting.case_protection WHERE case_id = $1',
        [flagged],
      );
      return row?.withheld === true;
    });

    // The first briefing has no earlier one to follow: its first day must be given.
    const withoutStart = await open({ kind: 'hrc-president-briefing', periodTo: '2028-05-31' });
    expect(withoutStart.status).toBe(400);
    expect((withoutStart.body.issues as Array<{ field: string }>).map((issue) => issue.field)).toEqual([
      'periodFrom',
    ]);
    const first = await open({
      kind: 'hrc-president-briefing',
      periodFrom: '2028-05-01',
      periodTo: '2028-05-31',
    });
    expect(first.status).toBe(201);
    const firstDraft = (await compiled(first.body.id)).draft;
    expect(caseIdsOf(firstDraft.annexI).sort()).toEqual([brought, fromAnnualReport].sort());
    expect(firstDraft.annexI).toContainEqual(
      expect.objectContaining({ caseId: brought, actionsTaken: ['hrc-president-good-offices'] }),
    );
    expect(firstDraft.annexII).toEqual([]);
    expect(firstDraft.exclusions).toEqual([
      expect.objectContaining({ caseId: flagged, reason: 'protection-risk' }),
    ]);
    const page = await call(
      baseUrl(),
      'GET',
      `/reporting/cycles/${first.body.id}/export?format=html`,
      await analyst(),
    );
    expect(page.status).toBe(200);
    expect(page.body).toContain('Cases brought to the attention of the President since the last session');
    expect((await finalise(first.body.id)).status).toBe(201);

    clock.set('2028-06-15T09:00:00.000Z');
    // Monitoring stays inside the UN: decided without a second person's approval.
    await protocol.walk(brought, { action: 'propose-action', priority: 'routine', actionType: 'monitoring' });
    await actionsProjected(brought, 'monitoring');
    const next = await open({ kind: 'hrc-president-briefing', periodTo: '2028-06-30' });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ periodFrom: '2028-06-01', periodTo: '2028-06-30' });
    // The same briefing opened twice, or one overlapping it: refused, nothing written.
    const twice = await open({ kind: 'hrc-president-briefing', periodTo: '2028-06-30' });
    expect(twice.status).toBe(400);
    expect((twice.body.issues as Array<{ field: string }>).map((issue) => issue.field)).toEqual(['periodTo']);
    const overlapping = await open({
      kind: 'hrc-president-briefing',
      periodFrom: '2028-06-15',
      periodTo: '2028-07-15',
    });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.reason).toBe('period-taken');
    const nextDraft = (await compiled(next.body.id)).draft;
    expect(nextDraft.annexI).toEqual([]);
    // Followed up: the case with something done since; the other, quiet, is not repeated.
    expect(nextDraft.annexII).toEqual([
      expect.objectContaining({ caseId: brought, actionsTaken: ['monitoring'] }),
    ]);
    // Dashboards follow each case's stage: the case brought to the President is followed up, the
    // one never brought to the President is closed.
    await protocol.walk(notBrought, { action: 'close', reason: 'resolved' });
    const listed = async (query: string) =>
      eventually(async () => {
        const answer = await call(baseUrl(), 'GET', `/reporting/cases?${query}`, await analyst());
        return answer.status === 200
          ? (answer.body.cases as Array<{ caseId: string; stage: string; status: string }>)
          : undefined;
      });
    await eventually(async () =>
      (await listed('status=closed')).some((entry) => entry.caseId === notBrought),
    );
    expect((await listed('status=closed')).find((entry) => entry.caseId === notBrought)).toMatchObject({
      stage: 'closed',
      status: 'closed',
    });
    expect((await listed('stage=follow-up&status=open')).map((entry) => entry.caseId)).toContain(brought);
    expect((await listed('status=open')).map((entry) => entry.caseId)).not.toContain(notBrought);

    // A briefing is not an annual report: the case is new to the Secretary-General's next report.
    const annual = await open({ kind: 'sg-annual-report', symbol: 'A/HRC/69/40' });
    const annualDraft = (await compiled(annual.body.id)).draft;
    expect(caseIdsOf(annualDraft.annexI)).toContain(brought);
    expect(caseIdsOf(annualDraft.annexII)).not.toContain(brought);
  });
});
