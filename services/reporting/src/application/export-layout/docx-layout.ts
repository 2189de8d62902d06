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
import type { Bilingual } from './bilingual';
import { UNITED_NATIONS } from './html-layout';

const PARAGRAPHS = 'numbered-paragraphs';
/** Sizes in half-points: the UN's 10 pt body, 14 pt titles, 17 pt symbol. */
const BODY = 20;
export const DOCX_TITLE_SIZE = 28;
const SYMBOL = 34;

export interface RunOptions {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  french?: boolean;
  /** Starts the run on a new line. */
  newLine?: boolean;
}

export const docxRun = (text: string, options: RunOptions = {}) =>
  new TextRun({
    text,
    ...(options.newLine ? { break: 1 } : {}),
    ...(options.bold ? { bold: true } : {}),
    ...(options.italics ? { italics: true } : {}),
    ...(options.size ? { size: options.size } : {}),
    ...(options.french ? { language: { value: 'fr-FR' } } : {}),
  });

/** A heading in both languages: the English in bold, the French in bold italics. */
export const docxHeading = (text: Bilingual, options: { pageBreakBefore?: boolean; size?: number } = {}) =>
  new Paragraph({
    keepNext: true,
    spacing: { before: 240, after: 120 },
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    children: [
      docxRun(`${text.en} / `, { bold: true, size: options.size ?? 24 }),
      docxRun(text.fr, { bold: true, italics: true, size: options.size ?? 24, french: true }),
    ],
  });

/** A paragraph numbered as a UN document numbers them (1., 2., …), justified. */
export const docxNumberedParagraph = (text: string) =>
  new Paragraph({
    numbering: { reference: PARAGRAPHS, level: 0 },
    alignment: AlignmentType.BOTH,
    spacing: { after: 120 },
    children: [docxRun(text)],
  });

/** A plain paragraph; several lines when given several. */
export const docxLines = (lines: readonly string[]) =>
  new Paragraph({
    spacing: { after: 240 },
    children: lines.map((line, index) => docxRun(line, { newLine: index > 0 })),
  });

const cell = (children: TextRun[], header = false) =>
  new TableCell({
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF2' } } : {}),
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: [new Paragraph({ children })],
  });

/**
 * A table headed in English and French, the header row repeated on every page and no row split
 * across pages; `empty` is written instead when there is no row.
 */
export function docxTable(
  columns: readonly Bilingual[],
  rows: readonly string[][],
  options: { columnWidths: number[]; empty: Bilingual; boldFirstColumn?: boolean },
): Table | Paragraph {
  if (rows.length === 0)
    return new Paragraph({
      children: [docxRun(`${options.empty.en} / `), docxRun(options.empty.fr, { italics: true })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: options.columnWidths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((column) =>
          cell(
            [
              docxRun(column.en, { bold: true }),
              docxRun(column.fr, { bold: true, italics: true, french: true, newLine: true }),
            ],
            true,
          ),
        ),
      }),
      ...rows.map(
        (cells) =>
          new TableRow({
            cantSplit: true,
            children: cells.map((text, index) =>
              cell([docxRun(text, { bold: index === 0 && options.boldFirstColumn === true })]),
            ),
          }),
      ),
    ],
  });
}

/**
 * A Word document in the layout of a UN document: "United Nations" and the symbol on top (the
 * symbol again in every page's header), the distribution line with its date, then the content.
 */
export async function unDocxDocument(document: {
  symbol: string;
  title: string;
  date: string | null;
  children: ReadonlyArray<Paragraph | Table>;
}): Promise<Buffer> {
  const { symbol } = document;
  return Packer.toBuffer(
    new Document({
      title: document.title,
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
                new Paragraph({
                  alignment: AlignmentType.RIGHT,
                  children: [docxRun(symbol, { bold: true })],
                }),
              ],
            }),
          },
          children: [
            new Paragraph({
              tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
              border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 4 } },
              children: [
                docxRun(UNITED_NATIONS.en, { bold: true, size: DOCX_TITLE_SIZE }),
                new TextRun({ children: [new Tab(), symbol], bold: true, size: SYMBOL }),
              ],
            }),
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              spacing: { after: 240 },
              children: [
                docxRun('Distr.: General'),
                ...(document.date ? [docxRun(document.date, { newLine: true })] : []),
                docxRun('Original: English', { newLine: true }),
              ],
            }),
            ...document.children,
          ],
        },
      ],
    }),
  );
}
