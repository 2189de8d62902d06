import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopPosition,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportEntry } from '../../domain/report-compilation/report-compilation';
import type { ReportExportSource } from './report-export';
import {
  actionsText,
  ANNEX_COLUMNS,
  bilingual,
  annexTitles,
  REPORT_HEADINGS as H,
  reportDate,
  reportParagraphs,
  reportTitle,
  responseText,
  stateLabel,
  type Bilingual,
} from './report-wording';

const PARAGRAPHS = 'report-paragraphs';
/** Sizes in half-points: the UN's 10 pt body, 14 pt titles, 17 pt symbol. */
const BODY = 20;
const TITLE = 28;
const SYMBOL = 34;

interface RunOptions {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  french?: boolean;
  /** Starts the run on a new line. */
  newLine?: boolean;
}

const run = (text: string, options: RunOptions = {}) =>
  new TextRun({
    text,
    ...(options.newLine ? { break: 1 } : {}),
    ...(options.bold ? { bold: true } : {}),
    ...(options.italics ? { italics: true } : {}),
    ...(options.size ? { size: options.size } : {}),
    ...(options.french ? { language: { value: 'fr-FR' } } : {}),
  });

/** A heading in both languages: the English in bold, the French in bold italics. */
const heading = (text: Bilingual, options: { pageBreakBefore?: boolean; size?: number } = {}) =>
  new Paragraph({
    keepNext: true,
    spacing: { before: 240, after: 120 },
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    children: [
      run(`${text.en} / `, { bold: true, size: options.size ?? 24 }),
      run(text.fr, { bold: true, italics: true, size: options.size ?? 24, french: true }),
    ],
  });

const cell = (children: TextRun[], header = false) =>
  new TableCell({
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF2' } } : {}),
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: [new Paragraph({ children })],
  });

/** An annex as a table: a header row repeated on every page, then one row per entry. */
function annexTable(entries: readonly ReportEntry[]): Table | Paragraph {
  if (entries.length === 0)
    return new Paragraph({ children: [run(`${H.noEntries.en} / `), run(H.noEntries.fr, { italics: true })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [1600, 4200, 1800, 1800],
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: ANNEX_COLUMNS.map((column) =>
          cell(
            [
              run(column.en, { bold: true }),
              run(column.fr, { bold: true, italics: true, french: true, newLine: true }),
            ],
            true,
          ),
        ),
      }),
      ...entries.map(
        (entry) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell([run(stateLabel(entry.stateConcerned), { bold: true })]),
              cell([run(entry.summary)]),
              cell([run(actionsText(entry.actionsTaken))]),
              cell([run(responseText(entry.stateResponse))]),
            ],
          }),
      ),
    ],
  });
}

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
  const document = new Document({
    title: `${symbol} – ${title.en}`,
    creator: 'United Nations',
    styles: {
      default: { document: { run: { font: 'Times New Roman', size: BODY, language: { value: 'en-GB' } } } },
    },
    numbering: {
      config: [
        {
          reference: PARAGRAPHS,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 1134, hanging: 567 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(symbol, { bold: true })] }),
            ],
          }),
        },
        children: [
          new Paragraph({
            tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 4 } },
            children: [
              run(H.unitedNations.en, { bold: true, size: TITLE }),
              new TextRun({ children: [new Tab(), symbol], bold: true, size: SYMBOL }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { after: 240 },
            children: [
              run('Distr.: General'),
              ...(cycle.compiledAt ? [run(reportDate(cycle.compiledAt), { newLine: true })] : []),
              run('Original: English', { newLine: true }),
            ],
          }),
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
            ],
          }),
          heading(H.introduction),
          ...reportParagraphs(source).map(
            (text) =>
              new Paragraph({
                numbering: { reference: PARAGRAPHS, level: 0 },
                alignment: AlignmentType.BOTH,
                spacing: { after: 120 },
                children: [run(text)],
              }),
          ),
          heading(H.annexI, { pageBreakBefore: true, size: TITLE }),
          heading(annexTitles(cycle.kind).annexI),
          annexTable(draft.annexI),
          heading(H.annexII, { pageBreakBefore: true, size: TITLE }),
          heading(annexTitles(cycle.kind).annexII),
          annexTable(draft.annexII),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
