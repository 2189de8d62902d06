import type { ReportEntry } from '../../domain/report-compilation/report-compilation';
import { escapeMarkup as e } from './escape-markup';
import { barChartSvg, shareChartSvg } from './report-charts.svg';
import type { ReportExportSource } from './report-export';
import { reportFigures } from './report-figures';
import {
  actionsText,
  ANNEX_COLUMNS,
  bilingual,
  CHART_TITLES,
  annexTitles,
  REPORT_HEADINGS as H,
  reportDate,
  reportParagraphs,
  reportTitle,
  responseText,
  stateLabel,
  type Bilingual,
} from './report-wording';

const STYLE = [
  'body{font-family:"Times New Roman",Times,serif;font-size:11pt;line-height:1.4;max-width:48em;margin:2em auto;padding:0 1em;color:#111}',
  'header{display:flex;justify-content:space-between;border-bottom:2px solid #111;padding-bottom:.5em}',
  '.symbol{font-weight:bold;font-size:1.4em}',
  'h1{font-size:1.4em;margin-top:1.5em}',
  'h2{font-size:1.2em;margin-top:2em}',
  '.french{font-style:italic;color:#333}',
  'ol.paragraphs li{margin-bottom:.6em}',
  'table{border-collapse:collapse;width:100%;font-size:10pt}',
  'th,td{border:1px solid #777;padding:.3em .5em;text-align:left;vertical-align:top}',
  'th{background:#e8eef2}',
  'figure{margin:1.5em 0}',
].join('');

/** A heading in both languages: the English, then the French in italics. */
const heading = (level: 1 | 2 | 3, text: Bilingual, id?: string): string =>
  `<h${level}${id ? ` id="${id}"` : ''}>${e(text.en)} / <span class="french" lang="fr">${e(text.fr)}</span></h${level}>`;

const headerCell = (column: Bilingual): string =>
  `<th scope="col">${e(column.en)}<br /><span class="french" lang="fr">${e(column.fr)}</span></th>`;

function table(id: string, columns: readonly Bilingual[], rows: string[][]): string {
  const body =
    rows.length === 0
      ? [`<tr><td colspan="${columns.length}">${e(bilingual(H.noEntries))}</td></tr>`]
      : rows.map((cells) => `<tr>${cells.map((cell) => `<td>${e(cell)}</td>`).join('')}</tr>`);
  return [
    `<table id="${id}">`,
    `<thead><tr>${columns.map(headerCell).join('')}</tr></thead>`,
    '<tbody>',
    ...body,
    '</tbody>',
    '</table>',
  ].join('\n');
}

const annexRows = (entries: readonly ReportEntry[]): string[][] =>
  entries.map((entry) => [
    stateLabel(entry.stateConcerned),
    entry.summary,
    actionsText(entry.actionsTaken),
    responseText(entry.stateResponse),
  ]);

/**
 * The draft as a standalone HTML5 document (also well-formed XML): the symbol and title, the
 * period and cut-off, the numbered paragraphs, the charts as inline SVG, annex I and annex II as
 * tables, and the cases left out with their reasons. Every value is escaped; no script, no
 * external resource (the page's own policy forbids them). Case ids are not written: this is the
 * public text.
 */
export function reportHtml(source: ReportExportSource): string {
  const { cycle, draft } = source;
  const { title, author } = reportTitle(cycle.kind);
  const symbol = cycle.symbol ?? bilingual(H.symbolPending);
  const figures = reportFigures(draft);
  const meta = [
    [H.period, `${reportDate(cycle.periodFrom)} – ${reportDate(cycle.periodTo)}`],
    [H.cutOff, reportDate(cycle.cutOff)],
    [H.rules, cycle.policyVersion],
    ...(cycle.compiledAt ? [[H.compiledOn, reportDate(cycle.compiledAt)] as const] : []),
  ] as const;
  return [
    '<!DOCTYPE html>',
    '<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">',
    '<head>',
    '<meta charset="utf-8" />',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />`,
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${e(`${symbol} – ${title.en}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><span>${e(bilingual(H.unitedNations))}</span><span class="symbol">${e(symbol)}</span></header>`,
    '<main>',
    `<h1>${e(title.en)}<br /><span class="french" lang="fr">${e(title.fr)}</span></h1>`,
    ...(author
      ? [`<p><strong>${e(author.en)}</strong> / <span class="french" lang="fr">${e(author.fr)}</span></p>`]
      : []),
    '<dl>',
    ...meta.map(([label, value]) => `<dt>${e(bilingual(label))}</dt><dd>${e(value)}</dd>`),
    '</dl>',
    heading(2, H.introduction, 'introduction'),
    '<ol class="paragraphs">',
    ...reportParagraphs(source).map((paragraph) => `<li>${e(paragraph)}</li>`),
    '</ol>',
    heading(2, H.figures, 'figures'),
    ...[
      barChartSvg({ id: 'by-state', title: bilingual(CHART_TITLES.byState), values: figures.byState }),
      barChartSvg({ id: 'by-act-type', title: bilingual(CHART_TITLES.byActType), values: figures.byActType }),
      shareChartSvg({
        id: 'replies',
        title: bilingual(CHART_TITLES.replies),
        values: [
          { label: bilingual(CHART_TITLES.replied), value: figures.replies.replied },
          { label: bilingual(CHART_TITLES.noResponse), value: figures.replies.noResponse },
        ],
      }),
    ].map((chart) => `<figure>\n${chart}\n</figure>`),
    '<section>',
    heading(2, H.annexI, 'annex-i'),
    heading(3, annexTitles(cycle.kind).annexI),
    table('annex-i-table', ANNEX_COLUMNS, annexRows(draft.annexI)),
    '</section>',
    '<section>',
    heading(2, H.annexII, 'annex-ii'),
    heading(3, annexTitles(cycle.kind).annexII),
    table('annex-ii-table', ANNEX_COLUMNS, annexRows(draft.annexII)),
    '</section>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
