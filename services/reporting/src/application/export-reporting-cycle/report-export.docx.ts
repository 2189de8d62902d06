import { Paragraph } from 'docx';
import type { ReportEntry } from '../../domain/report-compilation/report-compilation';
import {
  docxHeading as heading,
  docxNumberedParagraph,
  docxRun as run,
  docxTable,
  DOCX_TITLE_SIZE as TITLE,
  unDocxDocument,
} from '../export-layout/docx-layout';
import type { ReportExportSource } from './report-export';
import {
  actionsText,
  ANNEX_COLUMNS,
  annexTitles,
  bilingual,
  REPORT_HEADINGS as H,
  reportDate,
  reportParagraphs,
  reportStanding,
  reportTitle,
  responseText,
  stateLabel,
  versionLine,
  type ReportStanding,
} from './report-wording';

/** An annex as a table: a header row repeated on every page, then one row per entry. */
const annexTable = (entries: readonly ReportEntry[], standing: ReportStanding) =>
  docxTable(
    ANNEX_COLUMNS,
    entries.map((entry) => [
      stateLabel(entry.stateConcerned),
      entry.summary,
      actionsText(entry.actionsTaken, standing),
      responseText(entry.stateResponse, standing),
    ]),
    { columnWidths: [1600, 4200, 1800, 1800], empty: H.noEntries, boldFirstColumn: true },
  );

/**
 * The draft in the layout of a UN report: "United Nations" and the symbol on top (the symbol again
 * in every page's header), the distribution line, the title and its author, the numbered
 * paragraphs, then annex I and annex II each on a new page as a table with a header row. Headings
 * in English and French. Case ids and the cases left out are not written: this is the public text.
 */
export async function reportDocx(source: ReportExportSource): Promise<Buffer> {
  const { cycle, draft } = source;
  const { title, author } = reportTitle(cycle.kind);
  const symbol = cycle.symbol ?? bilingual(H.symbolPending);
  const standing = reportStanding(source);
  const version = versionLine(source);
  return unDocxDocument({
    symbol,
    title: `${symbol} – ${title.en}`,
    date: version?.[1] ?? null,
    children: [
      new Paragraph({
        spacing: { before: 240, after: 120 },
        children: [run(title.en, { bold: true, size: TITLE })],
      }),
      new Paragraph({
        spacing: { after: 240 },
        children: [run(title.fr, { bold: true, italics: true, size: TITLE - 4, french: true })],
      }),
      ...(author
        ? [
            new Paragraph({
              spacing: { after: 240 },
              children: [
                run(`${author.en} / `, { bold: true }),
                run(author.fr, { bold: true, italics: true, french: true }),
              ],
            }),
          ]
        : []),
      new Paragraph({
        spacing: { after: 240 },
        children: [
          run(`${bilingual(H.period)}: ${reportDate(cycle.periodFrom)} – ${reportDate(cycle.periodTo)}`),
          run(`${bilingual(H.cutOff)}: ${reportDate(cycle.cutOff)}`, { newLine: true }),
          run(`${bilingual(H.rules)}: ${cycle.policyVersion}`, { newLine: true }),
          ...(version ? [run(`${bilingual(version[0])}: ${version[1]}`, { newLine: true })] : []),
        ],
      }),
      heading(H.introduction),
      ...reportParagraphs(source).map(docxNumberedParagraph),
      heading(H.annexI, { pageBreakBefore: true, size: TITLE }),
      heading(annexTitles(cycle.kind).annexI),
      annexTable(draft.annexI, standing),
      heading(H.annexII, { pageBreakBefore: true, size: TITLE }),
      heading(annexTitles(cycle.kind).annexII),
      annexTable(draft.annexII, standing),
    ],
  });
}
