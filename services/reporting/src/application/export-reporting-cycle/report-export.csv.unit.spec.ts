import { reportCsv } from './report-export.csv';
import { EXPORT_CASE_IDS, exportSource } from './report-export.test-support';

const linesOf = (csv: string): string[] => csv.trimEnd().split('\r\n');

describe('the CSV export of a draft', () => {
  it('given a draft, when exported, then the columns are fixed and there is one row per entry of each annex, then per exclusion', () => {
    const lines = linesOf(reportCsv(exportSource()));

    expect(lines[0]).toBe(
      'status,annex,caseId,state,stateName,anonymised,mechanism,category,acts,actionsTaken,summary,stateResponse,responseReceivedOn,exclusionReason,explanation',
    );
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 4).join(','))).toEqual([
      `included,I,${EXPORT_CASE_IDS[0]},BLR`,
      `included,I,${EXPORT_CASE_IDS[1]},NIC`,
      `included,II,${EXPORT_CASE_IDS[2]},BLR`,
      `excluded,I,${EXPORT_CASE_IDS[3]},BLR`,
    ]);
  });

  it('given entries, when exported, then lists are joined by "; ", the State is named, and the response gives its type and day', () => {
    const [, first, second, , excluded] = linesOf(reportCsv(exportSource()));

    expect(first).toBe(
      `included,I,${EXPORT_CASE_IDS[0]},BLR,Belarus,no,universal-periodic-review,a,travel-ban; online-harassment,private-engagement; allegation-letter,` +
        '"A human rights defender who cooperated with the universal periodic review (resolution 54/24, para. 4 (a)) was reportedly subjected to a travel ban and online harassment.",' +
        'no-response-by-cut-off,,,',
    );
    expect(second).toBe(
      `included,I,${EXPORT_CASE_IDS[1]},NIC,Nicaragua,no,,,threats,,A journalist was reportedly subjected to threats.,substantive-reply,2026-12-01,,`,
    );
    expect(excluded).toBe(
      `excluded,I,${EXPORT_CASE_IDS[3]},BLR,Belarus,,,,,,,,,protection-risk,a protection risk flag withholds the case from any public report`,
    );
  });

  it('given a value a spreadsheet would run as a formula, when exported, then it is written as text', () => {
    const source = exportSource();
    source.draft.annexI[0]!.summary = '=HYPERLINK("http://example.org","x")';

    expect(linesOf(reportCsv(source))[1]).toContain(`"'=HYPERLINK(""http://example.org"",""x"")"`);
  });

  it('given an empty draft, when exported, then only the header is written', () => {
    const source = exportSource();
    source.draft = { annexI: [], annexII: [], exclusions: [] };

    expect(linesOf(reportCsv(source))).toHaveLength(1);
  });
});
