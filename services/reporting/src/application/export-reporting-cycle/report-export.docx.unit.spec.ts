import { strFromU8, unzipSync } from 'fflate';
import { reportDocx } from './report-export.docx';
import { EXPORT_CASE_IDS, exportSource } from './report-export.test-support';

/** The Word document's parts, as text. */
async function partsOf(buffer: Promise<Buffer>): Promise<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(await buffer))).map(([name, data]) => [name, strFromU8(data)]),
  );
}

/** The text of a part, its runs joined. */
const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');

describe('the DOCX export of a draft', () => {
  it('given a draft, when exported, then the symbol and title head the document and the symbol every page', async () => {
    const parts = await partsOf(reportDocx(exportSource()));
    const text = textOf(parts['word/document.xml']!);

    expect(text.startsWith('United NationsA/HRC/63/40Distr.: General2 May 2027Original: English')).toBe(true);
    expect(parts['word/document.xml']).toMatch(
      /United Nations<\/w:t><\/w:r><w:r>.*?<w:tab\/><w:t xml:space="preserve">A\/HRC\/63\/40</,
    );
    expect(text).toContain(
      'Cooperation with the United Nations, its representatives and mechanisms in the field of human rights',
    );
    expect(text).toContain('Report of the Secretary-General / Rapport du Secrétaire général');
    expect(textOf(parts['word/header1.xml']!)).toBe('A/HRC/63/40');
  });

  it('given a draft, when exported, then its paragraphs are numbered and each annex is a table with a repeated header row, headed in English and French', async () => {
    const parts = await partsOf(reportDocx(exportSource()));
    const document = parts['word/document.xml']!;
    const text = textOf(document);

    expect(parts['word/numbering.xml']).toContain('<w:lvlText w:val="%1."/>');
    expect(document.match(/<w:numPr>/g)).toHaveLength(4);
    expect(document.match(/<w:tbl>/g)).toHaveLength(2);
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(text).toContain('Annex I / Annexe I');
    expect(text).toContain('Annex II / Annexe II');
    expect(text).toContain('StateÉtatSummaryRésumé');
    expect(text).toContain(
      'BelarusA human rights defender who cooperated with the universal periodic review',
    );
    expect(text).toContain('No response received by the cut-off');
  });

  it('given the public text, when exported, then no case id and no case left out is written', async () => {
    const parts = await partsOf(reportDocx(exportSource()));
    const everything = Object.values(parts).join('\n');

    for (const caseId of EXPORT_CASE_IDS) expect(everything).not.toContain(caseId);
    expect(everything).not.toMatch(/protection|withheld|without consent|not included/i);
  });
});
