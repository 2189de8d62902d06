import { strFromU8, unzipSync } from 'fflate';
import { publishStatistics } from '../../domain/statistics/published-statistics';
import { SUPPRESSED } from '../../domain/statistics/small-count-suppression';
import type { CountedCase, StatisticsDimension } from '../../domain/statistics/statistics-dimensions';
import { wellFormednessProblems } from '@reprisals/testing';
import { statisticsDocx } from './statistics.docx';
import { statisticsCharts, statisticsFileName, type StatisticsExportSource } from './statistics-export';
import { statisticsHtml } from './statistics.html';
import { countedCase } from '../../domain/statistics/counted-case.test-support';

const T = 5;

const counted = (overrides: Partial<CountedCase> = {}): CountedCase =>
  countedCase({ communicationsSent: 1, firstReplyType: 'acknowledgement', ...overrides });

const many = (count: number, overrides: Partial<CountedCase> = {}): CountedCase[] =>
  Array.from({ length: count }, () => counted(overrides));

/** 30 cases: 2 of Nicaragua (a small count), 12 of Belarus in 2025, 16 of China; 3 threats. */
const CASES: CountedCase[] = [
  ...many(2, { stateConcerned: 'NIC', acts: [{ type: 'threats', online: false, perpetrator: 'state' }] }),
  ...many(12, { year: 2025, firstReplyType: null, deadlinesMissed: 1 }),
  ...many(15, { stateConcerned: 'CHN' }),
  counted({ stateConcerned: 'CHN', acts: [{ type: 'threats', online: true, perpetrator: 'non-state' }] }),
];

function source(groupBy: StatisticsDimension[] = ['region', 'hrcMember']): StatisticsExportSource {
  const { counts, charts } = publishStatistics(CASES, groupBy, T);
  return {
    period: { from: '2025-01-01', to: '2026-11-30' },
    groupBy,
    threshold: T,
    madeOn: '2026-11-30',
    counts,
    charts: { byActType: charts.actType, byRegion: charts.region, byReply: charts.replyStatus },
  };
}

/** The numbers drawn as bars' counts in an SVG chart. */
const drawnCounts = (svg: string): string[] =>
  [...svg.matchAll(/<g><title>([^<]*)<\/title>/g)].map((match) => match[1]!);

async function docxText(buffer: Promise<Buffer>): Promise<{ document: string; text: string; all: string }> {
  const parts = Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(await buffer))).map(([name, data]) => [name, strFromU8(data)]),
  );
  const document = parts['word/document.xml']!;
  const text = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
  return { document, text, all: Object.values(parts).join('\n') };
}

describe('the charts of the statistics exports', () => {
  it('given a small count of a region, when the charts are made, then it is not drawn but listed as withheld, and neither is the count withheld with it', () => {
    const charts = statisticsCharts(source());

    expect(charts.byRegion.values).toEqual([
      { label: 'Asia-Pacific States / États d’Asie et du Pacifique'.replace('’', "'"), value: 16 },
    ]);
    expect(charts.byRegion.withheld).toEqual([
      { label: "Eastern European States / États d'Europe orientale", shown: SUPPRESSED },
      { label: "Latin American and Caribbean States / États d'Amérique latine et des Caraïbes", shown: '<5' },
    ]);
    // 2025 and the missed deadlines are the 12 cases of Belarus: the Eastern European cell, hidden
    // in the table; drawn, they would give it away, and with it the 2 of Nicaragua (30 − 16 − 12).
    expect(charts.byYear.values).toEqual([]);
    expect(charts.byYear.withheld.map((bar) => bar.shown)).toEqual([SUPPRESSED, SUPPRESSED]);
    expect(charts.replies.values).toEqual([]);
    expect(charts.replies.withheld).toEqual([
      { label: 'Deadline missed', shown: SUPPRESSED },
      { label: 'Replied', shown: SUPPRESSED },
    ]);
    expect(charts.byActType.withheld.map((bar) => bar.label)).toEqual(['Threats', 'Travel ban']);
  });
});

describe('the HTML export of statistics', () => {
  it('given statistics, when exported, then the page is well-formed, standalone, headed in English and French, with the period and the threshold', () => {
    const html = statisticsHtml(source());

    expect(wellFormednessProblems(html)).toEqual([]);
    expect(
      html.startsWith('<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">'),
    ).toBe(true);
    expect(html).toContain(
      'Allegations of intimidation and reprisals: statistics of cases received<br /><span class="french" lang="fr">',
    );
    expect(html).toContain(
      '<dt>Period covered / Période considérée</dt><dd>1 January 2025 – 30 November 2026</dd>',
    );
    expect(html).toContain('<dt>Small counts / Petits effectifs</dt><dd>&lt;5</dd>');
    expect(html).toContain(
      '<h2 id="figures">Figures / <span class="french" lang="fr">Données chiffrées</span></h2>',
    );
    expect(html).toContain('shown as &quot;&lt;5&quot;');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|\bon[a-z]+=/i);
  });

  it('given statistics, when exported, then four charts are inline SVG and none draws a hidden count, each caption naming what it left out', () => {
    const html = statisticsHtml(source());
    const svgs = html.match(/<svg [\s\S]*?<\/svg>/g) ?? [];

    expect(svgs).toHaveLength(4);
    expect(svgs.map((svg) => svg.match(/<title id="([^"]+)"/)![1])).toEqual([
      'chart-by-year',
      'chart-by-act-type',
      'chart-by-region',
      'chart-replies',
    ]);
    const byRegion = svgs[2]!;
    expect(drawnCounts(byRegion)).toEqual(['Asia-Pacific States / États d&#39;Asie et du Pacifique: 16']);
    expect(byRegion).not.toContain('Latin American');
    expect(html).toContain(
      'Not drawn, to protect small counts (below 5) from being identified or worked out: Eastern European States / États d&#39;Europe orientale (suppressed); Latin American and Caribbean States / États d&#39;Amérique latine et des Caraïbes (&lt;5).',
    );
    // Threats: 3 cases, below the threshold, and travel bans withheld with them: no bar drawn.
    expect(drawnCounts(svgs[1]!)).toEqual([]);
    expect(html).toContain('worked out: Threats (&lt;5); Travel ban (suppressed).');
    expect(html).toContain('worked out: Deadline missed (suppressed); Replied (suppressed).');
  });

  it('given statistics by region and membership, when exported, then the table has a column per dimension headed in both languages and the published counts', () => {
    const html = statisticsHtml(source());
    const table = html.match(/<table id="groups-table">[\s\S]*?<\/table>/)![0];

    expect(table).toContain(
      '<th scope="col">Regional group<br /><span class="french" lang="fr">Groupe régional</span></th>',
    );
    expect(table).toContain('<th scope="col">Member of the Human Rights Council that year<br />');
    expect(table).toContain(
      '<td>Asia-Pacific States / États d&#39;Asie et du Pacifique</td><td>Member / Membre</td><td>16</td>',
    );
    expect(table).toMatch(
      /<td>Latin American and Caribbean States[^<]*<\/td><td>Not a member \/ Non membre<\/td><td>&lt;5<\/td>/,
    );
    expect(table).toContain('<td>suppressed</td>');
    const years = html.match(/<table id="years-table">[\s\S]*?<\/table>/)![0];
    // The 12 cases of 2025 are the Eastern European cell, hidden: the year is withheld, and 2026 with it.
    expect(years).toContain('<td>2025</td><td>suppressed</td>');
    expect(years).toContain('<td>2026</td><td>suppressed</td>');
  });

  it('given no case at all, when exported, then the tables say so and the charts that there is no data', () => {
    const empty: StatisticsExportSource = {
      ...source(['state']),
      counts: { total: 0, groups: [], years: [] },
      charts: {
        byActType: { total: 0, groups: [], years: [] },
        byRegion: { total: 0, groups: [], years: [] },
        byReply: { total: 0, groups: [], years: [] },
      },
    };
    const html = statisticsHtml(empty);

    expect(wellFormednessProblems(html)).toEqual([]);
    expect(html.match(/No data \/ Aucune donnée/g)).toHaveLength(4);
    expect(html.match(/No cases \/ Aucun cas/g)).toHaveLength(2);
  });

  it('given the file name, when made, then it names the period and the format', () => {
    expect(statisticsFileName({ from: '2025-01-01', to: '2026-11-30' }, 'html')).toBe(
      'case-statistics-2025-01-01-2026-11-30.html',
    );
  });
});

describe('the DOCX export of statistics', () => {
  it('given statistics, when exported, then the document has the UN heading, the title in both languages, numbered notes and annex tables with repeated header rows', async () => {
    const { document, text } = await docxText(statisticsDocx(source()));

    expect(
      text.startsWith(
        'United NationsStatistics / StatistiquesDistr.: General30 November 2026Original: English',
      ),
    ).toBe(true);
    expect(text).toContain('Allegations of intimidation and reprisals: statistics of cases received');
    expect(text).toContain('Allégations d&apos;intimidation et de représailles : statistiques des cas reçus');
    expect(text).toContain('Period covered / Période considérée: 1 January 2025 – 30 November 2026');
    expect(document.match(/<w:numPr>/g)).toHaveLength(4);
    expect(document.match(/<w:tbl>/g)).toHaveLength(2);
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(text).toContain('Annex / Annexe');
    expect(text).toContain('Regional groupGroupe régional');
    expect(text).toContain(
      'Latin American and Caribbean States / États d&apos;Amérique latine et des CaraïbesNot a member / Non membre&lt;5',
    );
  });

  it('given the statistics of cases, when exported in any format, then no case id and no name is written', async () => {
    const html = statisticsHtml(source(['state', 'gender']));
    const { all } = await docxText(statisticsDocx(source(['state', 'gender'])));

    for (const text of [html, all]) {
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
      expect(text).toContain('Nicaragua');
    }
  });
});
