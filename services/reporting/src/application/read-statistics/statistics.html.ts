import { bilingual, unDate } from '../export-layout/bilingual';
import { barChartSvg, shareChartSvg, type Chart } from '../export-layout/charts.svg';
import { escapeMarkup as e } from '../export-layout/escape-markup';
import { htmlHeading as heading, htmlPage, htmlParagraphs, htmlTable } from '../export-layout/html-layout';
import {
  CASES_HEADING,
  chartCaption,
  CHART_TITLES,
  DIMENSION_HEADINGS,
  groupedByText,
  groupRows,
  periodText,
  statisticsCharts,
  statisticsParagraphs,
  STATISTICS_HEADINGS as H,
  yearRows,
  type ChartFigures,
  type StatisticsExportSource,
} from './statistics-export';

const figure = (svg: string, caption: string): string =>
  `<figure>\n${svg}\n<figcaption>${e(caption)}</figcaption>\n</figure>`;

/**
 * The statistics as a standalone HTML5 page (also well-formed XML, no script, no external
 * resource): headings in English and French, the period, the dimensions and the small-count
 * threshold, numbered notes, four charts as inline SVG (cases per year, by act type, by regional
 * group, replies of States) and the tables. Every count comes published: a hidden count is never
 * drawn, and each chart's caption names the bars left out. No case id or identity is written.
 */
export function statisticsHtml(source: StatisticsExportSource): string {
  const charts = statisticsCharts(source);
  const drawn = (id: string, title: keyof typeof CHART_TITLES, figures: ChartFigures, share = false) => {
    const chart: Chart = { id, title: bilingual(CHART_TITLES[title]), values: figures.values };
    // Shares of a whole are only true of the whole: with a part withheld, bars without percentages.
    const svg = share && figures.withheld.length === 0 ? shareChartSvg(chart) : barChartSvg(chart);
    return figure(svg, chartCaption(figures, source.threshold));
  };
  const meta = [
    [H.period, periodText(source.period)],
    [H.groupedBy, groupedByText(source.groupBy)],
    [H.threshold, `<${source.threshold}`],
    [H.madeOn, unDate(source.madeOn)],
  ] as const;
  return htmlPage({
    title: H.title.en,
    symbol: bilingual(H.symbol),
    body: [
      `<h1>${e(H.title.en)}<br /><span class="french" lang="fr">${e(H.title.fr)}</span></h1>`,
      '<dl>',
      ...meta.map(([label, value]) => `<dt>${e(bilingual(label))}</dt><dd>${e(value)}</dd>`),
      '</dl>',
      heading(2, H.notes, 'notes'),
      htmlParagraphs(statisticsParagraphs(source)),
      heading(2, H.figures, 'figures'),
      drawn('by-year', 'byYear', charts.byYear),
      drawn('by-act-type', 'byActType', charts.byActType),
      drawn('by-region', 'byRegion', charts.byRegion),
      drawn('replies', 'replies', charts.replies, true),
      '<section>',
      heading(2, H.annex, 'annex'),
      heading(3, H.byGroup),
      htmlTable(
        'groups-table',
        [...source.groupBy.map((dimension) => DIMENSION_HEADINGS[dimension]), CASES_HEADING],
        groupRows(source),
        H.noCases,
      ),
      heading(3, H.byYear),
      htmlTable('years-table', [DIMENSION_HEADINGS.year, CASES_HEADING], yearRows(source), H.noCases),
      '</section>',
    ],
  });
}
