import type { ReportEntry } from '../../domain/report-compilation/report-compilation';
import { barChartSvg, shareChartSvg } from '../export-layout/charts.svg';
import { escapeMarkup as e } from '../export-layout/escape-markup';
import { htmlHeading as heading, htmlPage, htmlParagraphs, htmlTable } from '../export-layout/html-layout';
import type { ReportExportSource } from './report-export';
import { reportFigures } from './report-figures';
import {
  actionsText,
  actTypeChartNote,
  type Bilingual,
  ANNEX_COLUMNS,
  annexTitles,
  bilingual,
  CHART_TITLES,
  REPORT_HEADINGS as H,
  reportDate,
  reportParagraphs,
  repliesChartTitle,
  reportStanding,
  reportTitle,
  responseText,
  stateLabel,
  versionLine,
  type ReportStanding,
} from './report-wording';

const table = (id: string, rows: string[][]): string => htmlTable(id, ANNEX_COLUMNS, rows, H.noEntries);

const annexRows = (entries: readonly ReportEntry[], standing: ReportStanding): string[][] =>
  entries.map((entry) => [
    stateLabel(entry.stateConcerned),
    entry.summary,
    actionsText(entry.actionsTaken, standing),
    responseText(entry.stateResponse, standing),
  ]);

/** A chart as a figure, with its note under it when there is one. */
const figure = (chart: string, note: Bilingual | null = null): string =>
  ['<figure>', chart, ...(note ? [`<figcaption>${e(bilingual(note))}</figcaption>`] : []), '</figure>'].join(
    '\n',
  );

/**
 * The draft as a standalone HTML5 document (also well-formed XML): the symbol and title, the
 * period and cut-off, the numbered paragraphs, the charts as inline SVG, annex I and annex II as
 * tables. Every value is escaped; no script, no external resource (the page's own policy forbids
 * them). Neither case ids nor the cases left out are written: this is the public text.
 */
export function reportHtml(source: ReportExportSource): string {
  const { cycle, draft } = source;
  const { title, author } = reportTitle(cycle.kind);
  const symbol = cycle.symbol ?? bilingual(H.symbolPending);
  const figures = reportFigures(draft);
  const standing = reportStanding(source);
  const version = versionLine(source);
  const meta: ReadonlyArray<readonly [Bilingual, string]> = [
    [H.period, `${reportDate(cycle.periodFrom)} – ${reportDate(cycle.periodTo)}`],
    [H.cutOff, reportDate(cycle.cutOff)],
    [H.rules, cycle.policyVersion],
    ...(version ? [version] : []),
  ];
  return htmlPage({
    title: `${symbol} – ${title.en}`,
    symbol,
    body: [
      `<h1>${e(title.en)}<br /><span class="french" lang="fr">${e(title.fr)}</span></h1>`,
      ...(author
        ? [`<p><strong>${e(author.en)}</strong> / <span class="french" lang="fr">${e(author.fr)}</span></p>`]
        : []),
      '<dl>',
      ...meta.map(([label, value]) => `<dt>${e(bilingual(label))}</dt><dd>${e(value)}</dd>`),
      '</dl>',
      heading(2, H.introduction, 'introduction'),
      htmlParagraphs(reportParagraphs(source)),
      heading(2, H.figures, 'figures'),
      figure(
        barChartSvg({ id: 'by-state', title: bilingual(CHART_TITLES.byState), values: figures.byState }),
      ),
      figure(
        barChartSvg({
          id: 'by-act-type',
          title: bilingual(CHART_TITLES.byActType),
          values: figures.byActType,
        }),
        actTypeChartNote(draft),
      ),
      figure(
        shareChartSvg({
          id: 'replies',
          title: bilingual(repliesChartTitle(standing)),
          values: [
            { label: bilingual(CHART_TITLES.replied), value: figures.replies.replied },
            { label: bilingual(CHART_TITLES.noResponse), value: figures.replies.noResponse },
          ],
        }),
      ),
      '<section>',
      heading(2, H.annexI, 'annex-i'),
      heading(3, annexTitles(cycle.kind).annexI),
      table('annex-i-table', annexRows(draft.annexI, standing)),
      '</section>',
      '<section>',
      heading(2, H.annexII, 'annex-ii'),
      heading(3, annexTitles(cycle.kind).annexII),
      table('annex-ii-table', annexRows(draft.annexII, standing)),
      '</section>',
    ],
  });
}
