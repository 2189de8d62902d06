import { strFromU8, unzipSync } from 'fflate';
import { ManualClock } from '@reprisals/kernel';
import { wellFormednessProblems } from '@reprisals/testing';
import { as, call, useStandaloneSystem, validAllegation } from './system.fixture';
import { reportingClient } from './reporting.fixture';
import { LEAD, protocolClient } from './verification-protocol.fixture';

const CSV_HEADER =
  'status,annex,caseId,state,stateName,anonymised,mechanism,category,acts,actionsTaken,summary,stateResponse,responseReceivedOn,exclusionReason,explanation';

const escapedForMarkup = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('reporting exports: the compiled draft as JSON, CSV, HTML and DOCX', () => {
  const clock = new ManualClock('2026-11-30T09:00:00.000Z');
  const system = useStandaloneSystem('reporting_exports', { clock });
  const baseUrl = () => system().running.baseUrl;
  const protocol = protocolClient(baseUrl, () => system().database.url);
  const analyst = () => as('reporting-analyst', LEAD, 'export-analyst-1');

  const { projected, compiled } = reportingClient(baseUrl, () => system().database.url, analyst);

  const exported = async (cycleId: string, format: string) =>
    call(baseUrl(), 'GET', `/reporting/cycles/${cycleId}/export?format=${format}`, await analyst());

  /** The DOCX as bytes (the shared client reads answers as text), and its parts as text. */
  const exportedDocx = async (cycleId: string) => {
    const response = await fetch(`${baseUrl()}/reporting/cycles/${cycleId}/export?format=docx`, {
      headers: { authorization: `Bearer ${(await analyst()).token}` },
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      response,
      parts: Object.fromEntries(
        Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]),
      ),
    };
  };

  it('given the checker of well-formedness, when a page is broken, then it names the problem', () => {
    expect(wellFormednessProblems('<!DOCTYPE html><html><p>x</html>')).toEqual([
      '</html> closes <p> at 10',
      'never closed: html',
    ]);
    expect(wellFormednessProblems('<!DOCTYPE html><html lang=en>a & b</html>')).not.toEqual([]);
    expect(wellFormednessProblems('<!DOCTYPE html><html><br /></html>')).toEqual([]);
  });

  it('given a compiled annual report with entries and exclusions, when it is exported in each format, then each file is usable, names no one, and every export is audited', async () => {
    const reportable = await protocol.verifiedCase({ consent: true });
    const elsewhere = await protocol.verifiedCase({ consent: true, state: 'NIC' });
    const withoutConsent = await protocol.verifiedCase({ consent: false });
    const unverified = await protocol.recordCase({ consent: true });
    for (const caseId of [reportable, elsewhere, withoutConsent]) await projected(caseId, true);
    await projected(unverified, false);
    const opened = await call(baseUrl(), 'POST', '/reporting/cycles', {
      ...(await analyst()),
      body: { kind: 'sg-annual-report', symbol: 'A/HRC/63/40' },
    });
    expect(opened.status).toBe(201);
    const cycleId: string = opened.body.id;

    const early = await exported(cycleId, 'csv');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ reason: 'not-compiled' });

    const draft = (await compiled(cycleId)).draft;
    const entry = draft.annexI.find((candidate: { caseId: string }) => candidate.caseId === reportable);
    expect(entry).toBeDefined();
    expect(draft.annexI).toHaveLength(2);
    expect(draft.exclusions.length).toBeGreaterThanOrEqual(2);
    const caseIds = [reportable, elsewhere, withoutConsent, unverified];

    // JSON: the cycle and its draft, as GET gives them.
    const json = await exported(cycleId, 'json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="A-HRC-63-40.json"');
    expect(json.body).toMatchObject({ id: cycleId, symbol: 'A/HRC/63/40', draft });

    // CSV: a fixed header, one row per entry and per exclusion, the case ids kept.
    const csv = await exported(cycleId, 'csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="A-HRC-63-40.csv"');
    const lines = (csv.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(1 + draft.annexI.length + draft.annexII.length + draft.exclusions.length);
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^included,I,${reportable},BLR,Belarus,yes,,,,[^,]*,A person who cooperated with the United Nations`,
        ),
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^included,I,${elsewhere},NIC,Nicaragua,`)),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^excluded,I,${withoutConsent},BLR,Belarus,(,){8}no-publication-consent,consent to publication`,
        ),
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^excluded,I,${unverified},BLR,Belarus,(,){8}not-verified-by-cut-off,`),
      ),
    );

    // HTML: a well-formed page with the charts inline, the annex table, and no case id.
    const html = await exported(cycleId, 'html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-disposition')).toBe('attachment; filename="A-HRC-63-40.html"');
    const page = html.body as string;
    expect(wellFormednessProblems(page)).toEqual([]);
    expect(page).toContain('<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">');
    expect(page.match(/<svg /g)).toHaveLength(3);
    const annexI = page.match(/<table id="annex-i-table">[\s\S]*?<\/table>/)?.[0] ?? '';
    expect(annexI.match(/<tr><td>/g)).toHaveLength(2);
    expect(annexI).toContain(`<td>Belarus</td><td>${escapedForMarkup(entry.summary)}</td>`);
    // Compiled on 30 November 2026, before the cut-off of 30 April 2027: the text says how far it goes.
    expect(annexI).toContain('<td>No response received as at 30 November 2026</td>');
    expect(page).not.toContain('by the cut-off');
    // Why a case was left out stays in the working files: the public text does not say it.
    expect(page).not.toMatch(/exclusions|protection|withheld|without consent|not included/i);
    for (const caseId of caseIds) expect(page).not.toContain(caseId);

    // DOCX: a Word document that opens, with the symbol and the entry, and no case id.
    const docx = await exportedDocx(cycleId);
    expect(docx.response.status).toBe(200);
    expect(docx.response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.response.headers.get('content-disposition')).toBe('attachment; filename="A-HRC-63-40.docx"');
    const document = docx.parts['word/document.xml'];
    expect(document).toContain('A/HRC/63/40');
    expect(document).toContain(escapedForMarkup(entry.summary));
    expect(document).toContain('Annexe I');
    for (const caseId of caseIds) expect(Object.values(docx.parts).join('\n')).not.toContain(caseId);

    // No identity and none of the allegation's own words, in any format.
    for (const text of [JSON.stringify(json.body), csv.body, page, ...Object.values(docx.parts)]) {
      expect(text).not.toContain(validAllegation.victims[0]!.name);
      expect(text).not.toContain(validAllegation.summary);
    }

    // Each export is in reporting's audit trail, under the analyst, the cycle and the format.
    const audit = await call(baseUrl(), 'GET', '/reporting/audit?actor=export-analyst-1&limit=1000', {
      ...(await as('auditor', LEAD)),
    });
    expect(audit.status).toBe(200);
    const exports = (audit.body.records as Array<{ action: string; target: string | null; outcome: string }>)
      .filter((record) => record.target?.startsWith(`reporting-cycle:${cycleId}:`))
      .map((record) => [record.action, record.target, record.outcome]);
    expect(exports).toEqual(
      ['opened', 'compile', 'json', 'csv', 'html', 'docx'].map((step) => [
        'report:compile',
        `reporting-cycle:${cycleId}:${step}`,
        'allowed',
      ]),
    );
  });

  it('given bad or refused requests, when an export is asked for, then 400 names the fields, an unknown cycle is 404, and a role without report:compile is 403', async () => {
    const opened = await call(baseUrl(), 'POST', '/reporting/cycles', {
      ...(await analyst()),
      body: { kind: 'custom', periodFrom: '2026-01-01', periodTo: '2026-03-31' },
    });
    expect(opened.status).toBe(201);

    const bad = await call(
      baseUrl(),
      'GET',
      `/reporting/cycles/${opened.body.id}/export?format=pdf&colour=red`,
      await analyst(),
    );
    expect(bad.status).toBe(400);
    expect((bad.body.issues as { field: string }[]).map((issue) => issue.field).sort()).toEqual([
      'colour',
      'format',
    ]);
    const byDefault = await call(
      baseUrl(),
      'GET',
      `/reporting/cycles/${opened.body.id}/export`,
      await analyst(),
    );
    expect(byDefault.status).toBe(409);
    const unknown = await call(
      baseUrl(),
      'GET',
      '/reporting/cycles/00000000-0000-4000-8000-000000000000/export?format=csv',
      await analyst(),
    );
    expect(unknown.status).toBe(404);
    const refused = await call(
      baseUrl(),
      'GET',
      `/reporting/cycles/${opened.body.id}/export?format=csv`,
      await as('state-liaison', LEAD),
    );
    expect(refused.status).toBe(403);
  });
});
