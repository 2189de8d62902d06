/**
 * Which of reporting's tables a rebuild replaces, decided by who writes them. A projection table
 * is filled only by the handlers of reporting.subscriptions.ts from the events of the log, so the
 * log gives it back whole; every other table is a record reporting keeps of its own acts, or the
 * consumer's bookkeeping, and is never touched. A table of the schema in neither list stops the
 * rebuild until it is classified here.
 */
export interface ClassifiedTable {
  readonly table: string;
  /** Who writes it, and why it is (not) rebuilt. */
  readonly writtenBy: string;
}

export const PROJECTION_TABLES: readonly ClassifiedTable[] = [
  {
    table: 'timeline_entry',
    writtenBy:
      'project-allegation-received, project-verification-case-opened, project-cases-linked, ' +
      'project-protocol-step-*, project-communication-* and project-case-included-in-report ' +
      '(finalising a report writes its step too, with the same event id)',
  },
  {
    table: 'case_overview',
    writtenBy: 'project-allegation-received and project-verification-case-opened',
  },
  {
    table: 'case_link',
    writtenBy: 'project-cases-linked',
  },
  {
    table: 'case_audit_entry',
    writtenBy:
      'project-audit-recorded-<service>: a read copy of each service’s audit records of a case ' +
      '(the chains themselves stay in each service and are verified by audit:verify)',
  },
  {
    table: 'report_case',
    writtenBy: 'report-case-* (allegation facts, protocol outcomes, the conversation with the State)',
  },
  { table: 'case_access', writtenBy: 'case-access-allegation-received and case-access-lead-transferred' },
  { table: 'case_share', writtenBy: 'case-access-case-shared and case-access-share-*' },
  { table: 'case_consent', writtenBy: 'case-access-consent-recorded and case-access-consent-withdrawn' },
  { table: 'case_protection', writtenBy: 'case-access-protection-risk-flagged and -lifted' },
];

export const KEPT_TABLES: readonly ClassifiedTable[] = [
  {
    table: 'audit_checkpoint_copy',
    writtenBy:
      'keep-audit-checkpoint-<service>: reporting is the witness of the other services’ signed ' +
      'checkpoints; a witness refilled from the witnessed services’ own log would vouch for ' +
      'whatever that log now says, so its copies are evidence and are never replaced (append-only)',
  },
  { table: 'reporting_cycle', writtenBy: 'the reporting cycles routes and the compile job' },
  { table: 'report_version', writtenBy: 'finalising a report: frozen versions, never changed' },
  { table: 'report_inclusion', writtenBy: 'finalising a report: which cases each report includes' },
  { table: 'audit_record', writtenBy: 'reporting’s own audit chain' },
  { table: 'audit_checkpoint', writtenBy: 'reporting’s own signed audit checkpoints' },
  { table: 'outbox_message', writtenBy: 'the events reporting published (CaseIncludedInReport, its audit)' },
  { table: 'inbox_record', writtenBy: 'the consumer: which events each subscription processed' },
  { table: 'dead_letter', writtenBy: 'the consumer: events no subscription could process' },
  { table: 'migrations', writtenBy: 'the migrations applied to the schema' },
  {
    table: 'projection_swap',
    writtenBy:
      'the rebuild, when it swaps its tables in: how far reporting’s inbox was then, so that a ' +
      'rollback never puts back tables that would miss the events processed since',
  },
];

export const PROJECTION_TABLE_NAMES: readonly string[] = PROJECTION_TABLES.map(({ table }) => table);

/** Tables of a schema in neither list. */
export function unclassifiedTables(tables: readonly string[]): string[] {
  const known = new Set([...PROJECTION_TABLES, ...KEPT_TABLES].map(({ table }) => table));
  return tables.filter((table) => !known.has(table)).sort();
}
