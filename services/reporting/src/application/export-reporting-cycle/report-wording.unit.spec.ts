import { ACT_TYPES, RESPONSE_ACTION_TYPES, STATE_REPLY_TYPES } from '@reprisals/contracts';
import { strFromU8, unzipSync } from 'fflate';
import { reportDocx } from './report-export.docx';
import { reportHtml } from './report-export.html';
import { exportSource } from './report-export.test-support';
import { reportFigures } from './report-figures';
import {
  frenchDate,
  actionsText,
  actTypeLabel,
  reportParagraphs,
  reportStanding,
  responseText,
  versionLine,
} from './report-wording';
import { ACT_TYPE_LABELS, RESPONSE_ACTION_PHRASES, STATE_REPLY_PHRASES } from './response-phrases';

const BY_THE_CUT_OFF = { asAt: null };
const BEFORE_THE_CUT_OFF = { asAt: '2026-11-30' };

/** A draft of `count` entries in annex I, from `states` States, `replied` of them answered. */
function sourceWith(count: number, { states = 1, replied = 0, anonymised = 0 } = {}) {
  const source = exportSource();
  const [template] = source.draft.annexI;
  source.draft = {
    annexI: Array.from({ length: count }, (_, index) => ({
      ...template!,
      caseId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      stateConcerned: ['BLR', 'NIC', 'VEN', 'CHN', 'RUS', 'IRN', 'EGY', 'BHR', 'CUB', 'SAU', 'TUR'][
        index % states
      ]!,
      anonymised: index < anonymised,
      acts: index < anonymised ? [] : template!.acts,
      stateResponse:
        index < replied ? { type: 'substantive-reply', receivedOn: '2026-12-01' } : 'no-response-by-cut-off',
    })),
    annexII: [],
    exclusions: [],
  };
  return source;
}

describe('the words of an exported report', () => {
  it('given every UN action, State reply and act type, when put in words, then each has its own phrase, never the raw code', () => {
    expect(Object.keys(RESPONSE_ACTION_PHRASES).sort()).toEqual([...RESPONSE_ACTION_TYPES].sort());
    expect(Object.keys(STATE_REPLY_PHRASES).sort()).toEqual([...STATE_REPLY_TYPES].sort());
    expect(Object.keys(ACT_TYPE_LABELS).sort()).toEqual([...ACT_TYPES].sort());
    for (const type of RESPONSE_ACTION_TYPES)
      expect(actionsText([type], BY_THE_CUT_OFF)).toBe(RESPONSE_ACTION_PHRASES[type]);
    for (const type of STATE_REPLY_TYPES)
      expect(responseText({ type, receivedOn: '2026-12-01' }, BY_THE_CUT_OFF)).toBe(
        `${STATE_REPLY_PHRASES[type]}, received on 1 December 2026`,
      );
    for (const type of ACT_TYPES) expect(actTypeLabel(type)).toBe(ACT_TYPE_LABELS[type]);
    for (const phrase of [
      ...Object.values(RESPONSE_ACTION_PHRASES),
      ...Object.values(STATE_REPLY_PHRASES),
      ...Object.values(ACT_TYPE_LABELS),
    ])
      expect(phrase).toMatch(/^[A-Z]/);
  });

  it("given the reviewer's examples, when the actions are put in words, then they read as phrases, each once", () => {
    expect(actionsText(['follow-up', 'hrc-president-good-offices', 'follow-up'], BY_THE_CUT_OFF)).toBe(
      'Follow-up; Good offices of the President of the Human Rights Council',
    );
    expect(actionsText(['urgent-appeal'], BY_THE_CUT_OFF)).toBe(
      'Urgent appeal by special procedure mandate holders',
    );
    expect(actTypeLabel('ill-treatment-or-torture')).toBe('Ill-treatment or torture');
  });

  it('given counts, when the introduction is written, then numbers under ten are words, none is zero or opens a sentence, and "%" is not used', () => {
    const six = reportParagraphs(sourceWith(6, { states: 6, replied: 2, anonymised: 1 }));
    const none = reportParagraphs(sourceWith(0));
    const many = reportParagraphs(sourceWith(23, { states: 11, replied: 7, anonymised: 12 }));

    expect(six[1]).toContain(
      'Annex I contains six cases of alleged intimidation and reprisal reported during the period, concerning six States.',
    );
    expect(six[1]).toContain('Annex II contains no cases');
    expect(six[2]).toContain('no person is named, and one entry is further anonymised');
    expect(six[3]).toBe(
      'By the cut-off date, the States concerned had responded in two of the six cases; no response had been received in four.',
    );
    expect(none[1]).toContain(
      'Annex I contains no cases of alleged intimidation and reprisal reported during the period.',
    );
    expect(many[1]).toContain(
      'Annex I contains 23 cases of alleged intimidation and reprisal reported during the period, concerning 11 States.',
    );
    expect(many[2]).toContain('and 12 entries are further anonymised');
    expect(many[3]).toBe(
      'By the cut-off date, the States concerned had responded in seven of the 23 cases; no response had been received in 16.',
    );
    for (const paragraph of [...six, ...none, ...many]) {
      expect(paragraph).not.toMatch(/(^|[.:;] )\d/);
      expect(paragraph).not.toMatch(/\b0 |%/);
      // A figure from 1 to 9 before a word is a day of a date only.
      expect(paragraph).not.toMatch(/\b[1-9] (?!May|April)[a-zA-Z]/);
    }
  });

  it('given one case or all answered, when the responses are counted, then the sentence says so plainly', () => {
    expect(reportParagraphs(sourceWith(1, { replied: 1 }))[3]).toBe(
      'By the cut-off date, the State concerned had responded in the only case.',
    );
    expect(reportParagraphs(sourceWith(2, { replied: 2 }))[3]).toBe(
      'By the cut-off date, the States concerned had responded in both cases.',
    );
    expect(reportParagraphs(sourceWith(3))[3]).toBe(
      'By the cut-off date, no response had been received from the States concerned in any of the three cases.',
    );
  });

  it('given a draft compiled before its cut-off, when exported, then it says "as at" the day and never reads as if the cut-off had passed', async () => {
    const source = exportSource({ compiledAt: '2026-11-30T09:00:00.000Z' }, { today: '2026-11-30' });

    const html = reportHtml(source);
    const docx = Object.values(unzipSync(new Uint8Array(await reportDocx(source))))
      .map((part) => strFromU8(part))
      .join('\n');

    expect(reportStanding(source)).toEqual(BEFORE_THE_CUT_OFF);
    expect(reportParagraphs(source)[0]).toBe(
      'The present report is submitted pursuant to Human Rights Council resolution 54/24. It covers the period from 1 May 2026 to 30 April 2027; the cut-off date is 30 April 2027. The present draft reflects the information received as at 30 November 2026.',
    );
    expect(reportParagraphs(source)[3]).toBe(
      'As at 30 November 2026, the States concerned had responded in one of the three cases; no response had been received in two.',
    );
    expect(html).toContain('<td>No response received as at 30 November 2026</td>');
    expect(html).toContain('<td>None recorded as at 30 November 2026</td>');
    expect(html).toContain(
      'Responses of States as at 30 November 2026 / Réponses des États au 30 novembre 2026',
    );
    expect(docx).toContain('No response received as at 30 November 2026');
    for (const text of [html, docx]) expect(text).not.toMatch(/by the cut-off/i);
  });

  it('given a draft compiled after its cut-off, or read the day of it, when exported, then it speaks of the cut-off date', () => {
    expect(reportStanding(exportSource({}, { today: '2027-05-02' }))).toEqual(BY_THE_CUT_OFF);
    expect(
      reportStanding(exportSource({ compiledAt: '2027-04-30T23:00:00.000Z' }, { today: '2027-04-30' })),
    ).toEqual(BY_THE_CUT_OFF);
    // What was compiled in November stands as at November, whenever it is read.
    expect(
      reportStanding(exportSource({ compiledAt: '2026-11-30T09:00:00.000Z' }, { today: '2027-06-01' })),
    ).toEqual(BEFORE_THE_CUT_OFF);
    expect(reportHtml(exportSource())).toContain('<td>No response received by the cut-off</td>');
  });

  it('given the latest finalised version unchanged since, when exported, then it is dated as that version, not as a draft', async () => {
    const source = exportSource({}, { finalised: { version: 2, finalisedAt: '2027-05-03T08:00:00.000Z' } });

    const html = reportHtml(source);
    const document = strFromU8(unzipSync(new Uint8Array(await reportDocx(source)))['word/document.xml']!);

    expect(versionLine(source)).toEqual([
      { en: 'Version 2, finalised on', fr: 'Version 2, finalisée le' },
      '3 May 2027',
    ]);
    expect(html).toContain('<dt>Version 2, finalised on / Version 2, finalisée le</dt><dd>3 May 2027</dd>');
    expect(document).toContain('Version 2, finalised on / Version 2, finalisée le: 3 May 2027');
    for (const text of [html, document]) expect(text).not.toMatch(/Draft compiled on|Projet établi le/);
    expect(reportHtml(exportSource())).toContain(
      '<dt>Draft compiled on / Projet établi le</dt><dd>2 May 2027</dd>',
    );
    // Finalised before its cut-off (a briefing for a session), the text is not called a draft.
    const early = exportSource(
      { compiledAt: '2026-11-30T09:00:00.000Z' },
      { today: '2026-11-30', finalised: { version: 1, finalisedAt: '2026-11-30T10:00:00.000Z' } },
    );
    expect(reportParagraphs(early)[0]).toContain(
      'The present text reflects the information received as at 30 November 2026.',
    );
    expect(reportHtml(early)).not.toMatch(/present draft/);
  });

  it('given the first of a month, when written in French, then it reads "1er"', () => {
    expect(frenchDate('2026-05-01')).toBe('1er mai 2026');
    expect(frenchDate('2026-11-30')).toBe('30 novembre 2026');
  });

  it('given anonymised entries, when the chart by type of act is drawn, then its note says how many it does not count', () => {
    const source = sourceWith(4, { anonymised: 3 });

    const html = reportHtml(source);

    expect(reportFigures(source.draft).byActType).toEqual([
      { label: 'Online harassment', value: 1 },
      { label: 'Travel ban', value: 1 },
    ]);
    expect(html).toContain(
      '<figcaption>Three anonymised entries are not counted by type of act: an anonymised entry does not state the acts.',
    );
    expect(reportHtml(sourceWith(12, { anonymised: 11 }))).toContain(
      '<figcaption>In all, 11 anonymised entries are not counted by type of act',
    );
    expect(reportHtml(sourceWith(2)).match(/<figcaption>/g)).toBeNull();
  });
});
