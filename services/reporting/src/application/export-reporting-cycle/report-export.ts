import type { CompiledReport, ReportEntry } from '../../domain/report-compilation/report-compilation';
import type { ReportingCycle } from '../../domain/report-compilation/reporting-cycle';

/** What an export is written from: the cycle, the rules it was compiled under, and its last draft. */
export interface ReportExportSource {
  cycle: ReportingCycle & { id: string; policyVersion: string; compiledAt: string | null };
  draft: CompiledReport;
  /** Today, from the clock (YYYY-MM-DD): a draft read before its cut-off says how far it goes. */
  today: string;
  /** The cycle's latest finalised version, when the draft is unchanged since: the export is that version. */
  finalised: { version: number; finalisedAt: string } | null;
}

/** The formats a draft is exported in, with their media type and file extension. */
export const REPORT_EXPORT_FORMATS = ['json', 'csv', 'html', 'docx'] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];

export const REPORT_EXPORT_MEDIA_TYPES: Record<ReportExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * The file's name: the document symbol (A/HRC/63/40 gives A-HRC-63-40) or, before one is known,
 * the period (2026-05-01_2027-04-30), in letters, digits, dots, dashes and underscores only.
 */
export function reportExportFileName(
  cycle: Pick<ReportingCycle, 'symbol' | 'periodFrom' | 'periodTo'>,
  format: ReportExportFormat,
): string {
  const base = (cycle.symbol ?? `${cycle.periodFrom}_${cycle.periodTo}`)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  return `${base || 'report'}.${format}`;
}

/** The entries of both annexes, annex I first. */
export function entriesOf(draft: CompiledReport): Array<ReportEntry & { annex: 'I' | 'II' }> {
  return [
    ...draft.annexI.map((entry) => ({ ...entry, annex: 'I' as const })),
    ...draft.annexII.map((entry) => ({ ...entry, annex: 'II' as const })),
  ];
}
