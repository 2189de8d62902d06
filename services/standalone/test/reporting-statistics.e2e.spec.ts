import { strFromU8, unzipSync } from 'fflate';
import { ManualClock } from '@reprisals/kernel';
import type { Role } from '@reprisals/security';
import { eventually } from '@reprisals/testing';
import { engagementWith } from './state-communication.fixture';
import { twoVictimsTwoActs } from './reporting.fixture';
import { as, call, queryRows, useStandaloneSystem, validAllegation } from './system.fixture';
import { LEAD, protocolClient } from './verification-protocol.fixture';

/** Counts of 1 are hidden: the smallest threshold that still hides, so that a few cases show both. */
const THRESHOLD = '2';

/** Received the year before the default period began. */
const lastYear = {
  ...validAllegation,
  receivedOn: '2025-03-10',
  cooperation: { ...validAllegation.cooperation, date: '2025-01-20' },
  acts: [{ ...validAllegation.acts[0]!, date: '2025-03-01' }],
};

describe('statistics of cases, through the API', () => {
  let previousThreshold: string | undefined;
  beforeAll(() => {
    previousThreshold = process.env['STATISTICS_SUPPRESSION_THRESHOLD'];
    process.env['STATISTICS_SUPPRESSION_THRESHOLD'] = THRESHOLD;
  });
  afterAll(() => {
    if (previousThreshold === undefined) delete process.env['STATISTICS_SUPPRESSION_THRESHOLD'];
    else process.env['STATISTICS_SUPPRESSION_THRESHOLD'] = previousThreshold;
  });

  // Today is 2026-11-30: by default the period is 2025-12-01 to 2026-11-30.
  const clock = new ManualClock('2026-11-30T09:00:00.000Z');
  const system = useStandaloneSystem('reporting_statistics', { clock });
  const baseUrl = () => system().running.baseUrl;
  const protocol = protocolClient(baseUrl, () => system().database.url);

  const statistics = async (query: string, role: Role = 'reporting-analyst', entity = LEAD) =>
    call(baseUrl(), 'GET', `/reporting/statistics${query}`, await as(role, entity));

  const record = async (body: unknown): Promise<string> => {
    const created = await call(baseUrl(), 'POST', '/intake/allegations', {
      ...(await as('intake-officer', LEAD)),
      body,
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  /** A case verified with consent (to raise it named, to publish it anonymously), its State engaged privately and replying. */
  const verifiedAndAnswered = async (): Promise<string> => {
    const { caseId, id } = await engagementWith(baseUrl, protocol);
    const draft = { id };
    const liaison = await as('state-liaison', LEAD, 'state-liaison-1');
    const replied = await call(baseUrl(), 'POST', `/state-communication/communications/${draft.id}/replies`, {
      ...liaison,
      body: {
        type: 'acknowledgement',
        receivedOn: '2026-11-30',
        language: 'ru',
        assessment: 'not-responsive',
      },
    });
    expect(replied.status).toBe(201);
    return caseId;
  };

  interface Recorded {
    answered: string[];
    pending: string[];
    twoVictims: string[];
    lastYear: string;
  }
  let recorded: Recorded | undefined;
  const cases = (): Recorded => {
    if (!recorded) throw new Error('the cases were not recorded');
    return recorded;
  };

  beforeAll(async () => {
    const answered = [await verifiedAndAnswered(), await verifiedAndAnswered()];
    const pending = [await record(validAllegation), await record(validAllegation)];
    const twoVictims = [await record(twoVictimsTwoActs), await record(twoVictimsTwoActs)];
    recorded = { answered, pending, twoVictims, lastYear: await record(lastYear) };
    // Reporting has every case, and the replies to the two answered ones.
    await eventually(
      async () => {
        const rows = await queryRows<{ case_id: string; first_reply_type: string | null }>(
          system().database.url,
          'SELECT case_id, first_reply_type FROM reporting.report_case WHERE received_on IS NOT NULL',
        );
        const known = new Map(rows.map((row) => [row.case_id, row.first_reply_type]));
        return (
          [...answered, ...pending, ...twoVictims, recorded!.lastYear].every((id) => known.has(id)) &&
          answered.every((id) => known.get(id) === 'acknowledgement')
        );
      },
      { timeoutMs: 30_000, description: 'every case and reply in reporting' },
    );
  });

  it('given six cases received in the last twelve months, when counted by State, then each counts once and the period is the default one', async () => {
    cases();
    const answer = await statistics('?groupBy=state');

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      period: { from: '2025-12-01', to: '2026-11-30' },
      groupBy: ['state'],
      suppression: { threshold: 2, small: '<2', suppressed: 'suppressed' },
      total: 6,
      groups: [
        { state: 'BLR', cases: 4 },
        { state: 'NIC', cases: 2 },
      ],
      years: [{ year: 2026, cases: 6 }],
    });
  });

  it('given cases with two victims and two acts, when counted by gender or act type, then they count once per value and the groups add up to more than the total', async () => {
    cases();
    const byGender = await statistics('?groupBy=gender');
    expect(byGender.body.total).toBe(6);
    expect(byGender.body.groups).toEqual([
      { gender: 'man', cases: 2 },
      { gender: 'woman', cases: 6 },
    ]);

    const byAct = await statistics('?groupBy=actType,online,perpetrator');
    expect(byAct.body.groups).toEqual([
      { actType: 'hacking', online: 'online', perpetrator: 'non-state', cases: 2 },
      { actType: 'threats', online: 'offline', perpetrator: 'state', cases: 2 },
      { actType: 'travel-ban', online: 'offline', perpetrator: 'state', cases: 4 },
    ]);

    const byCooperation = await statistics('?groupBy=mechanism,category,victimKind');
    expect(byCooperation.body.groups).toEqual([
      { mechanism: 'special-procedure', category: 'b', victimKind: 'individual', cases: 2 },
      { mechanism: 'universal-periodic-review', category: 'a', victimKind: 'individual', cases: 4 },
    ]);
  });

  it('given two cases verified, engaged with and answered, when counted by their outcomes, then consent, verification, action and reply are counted', async () => {
    cases();
    const answer = await statistics('?groupBy=verificationOutcome,anonymity,replyStatus');
    expect(answer.body.groups).toEqual([
      { verificationOutcome: 'pending', anonymity: 'no', replyStatus: 'none', cases: 4 },
      { verificationOutcome: 'verified', anonymity: 'anonymous', replyStatus: 'replied', cases: 2 },
    ]);

    const actions = await statistics('?groupBy=responseAction,profile');
    expect(actions.body.groups).toEqual([
      { responseAction: 'none', profile: 'human-rights-defender', cases: 2 },
      { responseAction: 'none', profile: 'journalist', cases: 2 },
      { responseAction: 'none', profile: 'lawyer', cases: 2 },
      { responseAction: 'private-engagement', profile: 'human-rights-defender', cases: 2 },
    ]);
  });

  it('given a case received the year before, when the period includes it, then its year counts 1, hidden as "<2", and another year is hidden so that the total does not give it away', async () => {
    cases();
    const answer = await statistics('?from=2025-01-01&to=2026-11-30&groupBy=state');

    expect(answer.body.total).toBe(7);
    expect(answer.body.years).toEqual([
      { year: 2025, cases: '<2' },
      { year: 2026, cases: 'suppressed' },
    ]);
    expect(answer.body.groups).toEqual([
      { state: 'BLR', cases: 5 },
      { state: 'NIC', cases: 2 },
    ]);
    const byYearAndState = await statistics('?from=2025-01-01&to=2026-11-30&groupBy=year,state');
    expect(byYearAndState.body.groups).toEqual([
      { year: '2025', state: 'BLR', cases: '<2' },
      { year: '2026', state: 'BLR', cases: 'suppressed' },
      { year: '2026', state: 'NIC', cases: 'suppressed' },
    ]);
  });

  it('given the same request from another entity, when counted, then the figures are the same: statistics are system-wide', async () => {
    cases();
    const lead = await statistics('?groupBy=state,gender');
    const outsider = await statistics('?groupBy=state,gender', 'supervisor', 'UNDP');

    expect(outsider.status).toBe(200);
    expect(outsider.body).toEqual(lead.body);
  });

  it('given format=csv, when counted, then the attachment has a column per dimension asked, then cases, and the rows of the JSON', async () => {
    cases();
    const json = (await statistics('?from=2025-01-01&groupBy=year,state')).body;
    const csv = await statistics('?from=2025-01-01&groupBy=year,state&format=csv', 'state-liaison');

    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="case-statistics-2025-01-01-2026-11-30.csv"',
    );
    const lines = (csv.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe('year,state,cases');
    expect(lines.slice(1).map((line) => line.split(','))).toEqual(
      json.groups.map((group: Record<string, unknown>) => [
        group['year'],
        group['state'],
        String(group['cases']),
      ]),
    );
    expect(lines.slice(1)).toEqual(['2025,BLR,<2', '2026,BLR,suppressed', '2026,NIC,suppressed']);

    const none = await statistics('?groupBy=&format=csv');
    expect((none.body as string).trimEnd().split('\r\n')).toEqual(['cases', '6']);
  });

  it("given cases of Belarus and Nicaragua, when counted by regional group and HRC membership, then each takes its State's group and membership in the year of reception", async () => {
    cases();
    const answer = await statistics('?groupBy=region,hrcMember');
    expect(answer.status).toBe(200);
    expect(answer.body.groups).toEqual([
      { region: 'eastern-european', hrcMember: 'not-member', cases: 4 },
      { region: 'latin-american-caribbean', hrcMember: 'not-member', cases: 2 },
    ]);

    const withLastYear = await statistics('?from=2025-01-01&groupBy=year,hrcMember');
    expect(withLastYear.body.groups).toEqual([
      { year: '2025', hrcMember: 'not-member', cases: '<2' },
      { year: '2026', hrcMember: 'not-member', cases: 'suppressed' },
    ]);
  });

  it('given format=html and format=docx, when exported, then each is an attachment with the tables and charts, names no case and no one, and is audited', async () => {
    const { answered, pending, twoVictims, lastYear: older } = cases();
    const analyst = await as('reporting-analyst', LEAD, 'statistics-analyst-1');

    const html = await call(
      baseUrl(),
      'GET',
      '/reporting/statistics?groupBy=region,hrcMember&format=html',
      analyst,
    );
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-disposition')).toBe(
      'attachment; filename="case-statistics-2025-12-01-2026-11-30.html"',
    );
    const page = html.body as string;
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.match(/<svg /g)).toHaveLength(4);
    expect(page).toContain('<dd>1 December 2025 – 30 November 2026</dd>');
    expect(page).toContain(
      '<td>Eastern European States / États d&#39;Europe orientale</td><td>Not a member / Non membre</td><td>4</td>',
    );
    expect(page).not.toMatch(/<script|\bsrc=|\bhref=/i);

    const response = await fetch(`${baseUrl()}/reporting/statistics?groupBy=state&format=docx`, {
      headers: { authorization: `Bearer ${analyst.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="case-statistics-2025-12-01-2026-11-30.docx"',
    );
    const parts = Object.values(unzipSync(new Uint8Array(await response.arrayBuffer()))).map((data) =>
      strFromU8(data),
    );
    const document = parts.join('\n');
    expect(document).toContain('Annexe');
    expect(document).toContain('Belarus');
    expect(document).toContain('<w:tblHeader/>');

    for (const text of [page, document]) {
      for (const caseId of [...answered, ...pending, ...twoVictims, older])
        expect(text).not.toContain(caseId);
      expect(text).not.toContain(validAllegation.victims[0]!.name);
      expect(text).not.toContain('Victim Two');
    }

    const audit = await call(baseUrl(), 'GET', '/reporting/audit?actor=statistics-analyst-1&limit=1000', {
      ...(await as('auditor', LEAD)),
    });
    expect(audit.status).toBe(200);
    const exports = (audit.body.records as Array<{ action: string; target: string | null; outcome: string }>)
      .filter((record) => record.target?.startsWith('statistics:'))
      .map((record) => [record.action, record.target, record.outcome]);
    expect(exports).toEqual(
      ['html', 'docx'].map((format) => [
        'statistics:read',
        `statistics:2025-12-01:2026-11-30:${format}`,
        'allowed',
      ]),
    );
  });

  it('given a table by year and State whose cells are hidden, when exported as HTML, then neither the years nor the regional groups that add those cells up are drawn, and the captions name them', async () => {
    cases();
    const json = (await statistics('?from=2025-01-01&groupBy=year,state')).body;
    const html = await statistics('?from=2025-01-01&groupBy=year,state&format=html');
    const page = html.body as string;

    expect(html.status).toBe(200);
    // Belarus 1 + 4 and Nicaragua 2, every cell hidden: the groups of 5 and 2 would give them away.
    expect(json.years).toEqual([
      { year: 2025, cases: '<2' },
      { year: 2026, cases: 'suppressed' },
    ]);
    const region = page.match(/<figure>\s*<svg [^>]*>\s*<title id="chart-by-region"[\s\S]*?<\/figure>/)![0];
    expect(region).not.toMatch(/<g><title>/);
    expect(region).toContain(
      'Eastern European States / États d&#39;Europe orientale (suppressed); Latin American and Caribbean States / États d&#39;Amérique latine et des Caraïbes (suppressed).',
    );
    expect(page).toContain('<tr><td>2026</td><td>suppressed</td></tr>');
  });

  it('given personal data erased, when counted again, then the figures stay and the victims lose their pseudonyms', async () => {
    const [erased] = cases().twoVictims;
    const before = (await statistics('?groupBy=gender,actType')).body;
    const erasure = await call(baseUrl(), 'DELETE', `/intake/allegations/${erased}/personal-data`, {
      ...(await as('supervisor', LEAD)),
      body: { reason: 'request-of-the-person', note: 'Asked in writing.' },
    });
    expect(erasure.status).toBe(200);
    const [row] = await eventually(async () => {
      const rows = await queryRows<{
        personal_data_erased: boolean;
        victims: Array<{ pseudonym: string | null }>;
      }>(
        system().database.url,
        'SELECT personal_data_erased, victims FROM reporting.report_case WHERE case_id = $1',
        [erased],
      );
      return rows[0]?.personal_data_erased ? rows : undefined;
    });

    expect(row!.victims.map((victim) => victim.pseudonym)).toEqual([null, null]);
    expect((await statistics('?groupBy=gender,actType')).body).toEqual(before);
  });

  it('given bad queries, when asked, then a 400 names every offending field and nothing else', async () => {
    const fields = async (query: string) => {
      const answer = await statistics(query);
      expect(answer.status).toBe(400);
      return (answer.body.issues as Array<{ field: string }>).map((issue) => issue.field).sort();
    };

    expect(await fields('?groupBy=state,continent')).toEqual(['groupBy.1']);
    expect(await fields('?groupBy=state,gender,actType,online')).toEqual(['groupBy']);
    expect(await fields('?groupBy=state,state')).toEqual(['groupBy']);
    expect(await fields('?from=2026-06-01&to=2026-05-01')).toEqual(['from', 'to']);
    expect(await fields('?from=2027-01-01')).toEqual(['from', 'to']);
    expect(await fields('?format=xlsx&colour=red&to=tomorrow')).toEqual(['colour', 'format', 'to']);
  });

  it('given roles without statistics:read, when they ask, then 403', async () => {
    for (const role of [
      'intake-officer',
      'verification-officer',
      'focal-point',
      'auditor',
      'admin',
    ] as const) {
      const answer = await statistics('?groupBy=state', role);
      expect({ role, status: answer.status }).toEqual({ role, status: 403 });
    }
    expect((await call(baseUrl(), 'GET', '/reporting/statistics')).status).toBe(401);
  });
});
