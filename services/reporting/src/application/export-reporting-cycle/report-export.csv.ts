import { stringify } from 'csv-stringify/sync';
import { entriesOf, type ReportExportSource } from './report-export';
import { stateLabel } from './report-wording';

/** The columns of the CSV export, the same for every draft. */
export const REPORT_CSV_COLUMNS = [
  'status',
  'annex',
  'caseId',
  'state',
  'stateName',
  'anonymised',
  'mechanism',
  'category',
  'acts',
  'actionsTaken',
  'summary',
  'stateResponse',
  'responseReceivedOn',
  'exclusionReason',
  'explanation',
] as const;

type CsvRow = Record<(typeof REPORT_CSV_COLUMNS)[number], string>;

/**
 * A working file for analysts: one row per entry of annex I, then of annex II (`status`
 * included), then one per exclusion (`status` excluded, with its reason and explanation). Lists
 * are joined by `; `. The case id is kept so that an analyst can find the case again.
 */
export function reportCsv({ draft }: ReportExportSource): string {
  const included = entriesOf(draft).map((entry): CsvRow => ({
    status: 'included',
    annex: entry.annex,
    caseId: entry.caseId,
    state: entry.stateConcerned,
    stateName: stateLabel(entry.stateConcerned),
    anonymised: entry.anonymised ? 'yes' : 'no',
    mechanism: entry.mechanism ?? '',
    category: entry.category ?? '',
    acts: entry.acts.join('; '),
    actionsTaken: entry.actionsTaken.join('; '),
    summary: entry.summary,
    stateResponse:
      entry.stateResponse === 'no-response-by-cut-off' ? entry.stateResponse : entry.stateResponse.type,
    responseReceivedOn:
      entry.stateResponse === 'no-response-by-cut-off' ? '' : entry.stateResponse.receivedOn,
    exclusionReason: '',
    explanation: '',
  }));
  const excluded = draft.exclusions.map((exclusion): CsvRow => ({
    status: 'excluded',
    annex: exclusion.annex,
    caseId: exclusion.caseId,
    state: exclusion.stateConcerned,
    stateName: stateLabel(exclusion.stateConcerned),
    anonymised: '',
    mechanism: '',
    category: '',
    acts: '',
    actionsTaken: '',
    summary: '',
    stateResponse: '',
    responseReceivedOn: '',
    exclusionReason: exclusion.reason,
    explanation: exclusion.explanation,
  }));
  return stringify([...included, ...excluded], {
    header: true,
    columns: [...REPORT_CSV_COLUMNS],
    record_delimiter: 'windows',
    // A cell that a spreadsheet would run as a formula is written as text.
    escape_formulas: true,
  });
}
