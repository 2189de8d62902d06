import { Paragraph } from 'docx';
import { bilingual, unDate } from '../export-layout/bilingual';
import {
  docxHeading as heading,
  docxLines,
  docxNumberedParagraph,
  docxRun as run,
  docxTable,
  DOCX_TITLE_SIZE,
  unDocxDocument,
} from '../export-layout/docx-layout';
import {
  CASES_HEADING,
  DIMENSION_HEADINGS,
  groupedByText,
  groupRows,
  periodText,
  statisticsParagraphs,
  STATISTICS_HEADINGS as H,
  yearRows,
  type StatisticsExportSource,
} from './statistics-export';

/** A table's column widths in twentieths of a point: the count narrow, the values sharing the rest. */
const widths = (values: number): number[] => [
  ...Array.from({ length: values }, () => Math.floor(8000 / Math.max(1, values))),
  1400,
];

/**
 * The statistics in the layout of a UN document: "United Nations" and the symbol on top (again in
 * every page's header), the title in English and French, the period, the numbered notes, then the
 * annex tables (the groups asked, the years), each with a header row repeated on every page.
 * Every count comes published (small counts hidden). No case id or identity is written.
 */
export async function statisticsDocx(source: StatisticsExportSource): Promise<Buffer> {
  const symbol = bilingual(H.symbol);
  return unDocxDocument({
    symbol,
    title: H.title.en,
    date: unDate(source.madeOn),
    children: [
      new Paragraph({
        spacing: { before: 240, after: 120 },
        children: [run(H.title.en, { bold: true, size: DOCX_TITLE_SIZE })],
      }),
      new Paragraph({
        spacing: { after: 240 },
        children: [run(H.title.fr, { bold: true, italics: true, size: DOCX_TITLE_SIZE - 4, french: true })],
      }),
      docxLines([
        `${bilingual(H.period)}: ${periodText(source.period)}`,
        `${bilingual(H.groupedBy)}: ${groupedByText(source.groupBy)}`,
        `${bilingual(H.threshold)}: <${source.threshold}`,
      ]),
      heading(H.notes),
      ...statisticsParagraphs(source).map(docxNumberedParagraph),
      heading(H.annex, { pageBreakBefore: true, size: DOCX_TITLE_SIZE }),
      heading(H.byGroup),
      docxTable(
        [...source.groupBy.map((dimension) => DIMENSION_HEADINGS[dimension]), CASES_HEADING],
        groupRows(source),
        {
          columnWidths: widths(source.groupBy.length),
          empty: H.noCases,
          boldFirstColumn: source.groupBy.length > 0,
        },
      ),
      heading(H.byYear),
      docxTable([DIMENSION_HEADINGS.year, CASES_HEADING], yearRows(source), {
        columnWidths: widths(1),
        empty: H.noCases,
      }),
    ],
  });
}
