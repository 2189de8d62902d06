import { reportHtml } from './report-export.html';
import { EXPORT_CASE_IDS, exportSource } from './report-export.test-support';

const HOSTILE = '<script>alert("x")</script>';

describe('the HTML export of a draft', () => {
  it('given a draft, when exported, then it is a standalone English page with the symbol, the period and cut-off, and numbered paragraphs', () => {
    const html = reportHtml(exportSource());

    expect(
      html.startsWith('<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">'),
    ).toBe(true);
    expect(html).toContain('<meta charset="utf-8" />');
    expect(html).toContain('<title>A/HRC/63/40 – Cooperation with the United Nations');
    expect(html).toContain('<span class="symbol">A/HRC/63/40</span>');
    expect(html).toContain('<dd>1 May 2026 – 30 April 2027</dd>');
    expect(html).toContain('<dt>Cut-off date / Date limite</dt><dd>30 April 2027</dd>');
    expect(html.match(/<ol class="paragraphs">[\s\S]*?<\/ol>/)![0].match(/<li>/g)).toHaveLength(4);
    expect(html).toContain(
      'Annex I contains two cases of alleged intimidation and reprisal reported during the period, concerning two States.',
    );
  });

  it('given entries, when exported, then each annex is a table of State, summary, UN action and response, under headings in English and French', () => {
    const html = reportHtml(exportSource());
    const annexI = html.match(/<table id="annex-i-table">[\s\S]*?<\/table>/)![0];

    expect(html).toContain('<h2 id="annex-i">Annex I / <span class="french" lang="fr">Annexe I</span></h2>');
    expect(html).toContain(
      '<h2 id="annex-ii">Annex II / <span class="french" lang="fr">Annexe II</span></h2>',
    );
    expect(annexI.match(/<th scope="col">/g)).toHaveLength(4);
    expect(annexI).toContain('<th scope="col">State<br /><span class="french" lang="fr">État</span></th>');
    expect(annexI.match(/<tr><td>/g)).toHaveLength(2);
    expect(annexI).toContain(
      '<td>Belarus</td><td>A human rights defender who cooperated with the universal periodic review',
    );
    expect(annexI).toContain(
      '<td>Private engagement with the authorities; Allegation letter by special procedure mandate holders</td><td>No response received by the cut-off</td>',
    );
    expect(annexI).toContain('<td>Substantive reply, received on 1 December 2026</td>');
    // The cases left out, and why, are not in the public text (a protection flag would show).
    expect(html).not.toContain('exclusions');
    expect(html).not.toMatch(/protection|withheld|without consent|not included/i);
  });

  it('given a draft, when exported, then the charts are inline SVG and nothing is loaded or run', () => {
    const html = reportHtml(exportSource());

    expect(html.match(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g)).toHaveLength(3);
    expect(html).toContain('Cases by State / Cas par État');
    expect(html).toContain('Response received / Réponse reçue: 1 (33 %)');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|\bon[a-z]+=/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('given the public text, when exported, then no internal case id is written', () => {
    const html = reportHtml(exportSource());

    for (const caseId of EXPORT_CASE_IDS) expect(html).not.toContain(caseId);
    expect(html).not.toContain('99999999-9999-4999-8999-999999999999');
  });

  it('given hostile values in every field, when exported, then each is escaped and none becomes markup', () => {
    const source = exportSource({ symbol: HOSTILE, policyVersion: HOSTILE });
    const [entry] = source.draft.annexI;
    Object.assign(entry!, {
      stateConcerned: HOSTILE,
      summary: HOSTILE,
      acts: [HOSTILE],
      actionsTaken: [HOSTILE],
      stateResponse: { type: HOSTILE, receivedOn: HOSTILE },
    });

    const html = reportHtml(source);

    expect(html).not.toMatch(/<script|<\/script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html.split('&lt;script&gt;').length - 1).toBeGreaterThanOrEqual(7);
  });

  it('given an empty draft without a symbol, when exported, then the annexes say there is no entry and the charts that there is no data', () => {
    const source = exportSource({ symbol: null, compiledAt: null });
    source.draft = { annexI: [], annexII: [], exclusions: [] };

    const html = reportHtml(source);

    expect(html).toContain('<span class="symbol">Symbol to be assigned / Cote à attribuer</span>');
    expect(html.match(/<td colspan="4">No entries \/ Aucune entrée<\/td>/g)).toHaveLength(2);
    expect(html.match(/No data \/ Aucune donnée/g)).toHaveLength(3);
    expect(html).not.toContain('Draft compiled on');
  });
});
