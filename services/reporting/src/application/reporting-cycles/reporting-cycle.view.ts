import type { CompiledReport } from '../../domain/report-compilation/report-compilation';
import type { ReportingCycleEntity } from '../../infrastructure/persistence/reporting-cycle.entity';

/** A cycle as analysts read it: what it covers, its rules, its compile job and its draft. */
export interface ReportingCycleView {
  id: string;
  kind: string;
  periodFrom: string;
  periodTo: string;
  cutOff: string;
  symbol: string | null;
  policyVersion: string;
  job: { state: ReportingCycleEntity['jobState']; percentDone: number; compiledAt: string | null };
  openedBy: { role: string; entity: string };
  /** The last draft: its annexes and every exclusion with its reason; null before the first compile. */
  draft?: CompiledReport | null;
  /** How many entries and exclusions the draft has, by reason. */
  counts: { annexI: number; annexII: number; excluded: Record<string, number> } | null;
}

export function reportingCycleView(row: ReportingCycleEntity, withDraft: boolean): ReportingCycleView {
  const excluded: Record<string, number> = {};
  for (const exclusion of row.draft?.exclusions ?? [])
    excluded[exclusion.reason] = (excluded[exclusion.reason] ?? 0) + 1;
  return {
    id: row.id,
    kind: row.kind,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    cutOff: row.cutOff,
    symbol: row.symbol,
    policyVersion: row.policyVersion,
    job: {
      state: row.jobState,
      percentDone: row.percentDone,
      compiledAt: row.compiledAt?.toISOString() ?? null,
    },
    openedBy: row.openedBy,
    ...(withDraft ? { draft: row.draft } : {}),
    counts: row.draft
      ? { annexI: row.draft.annexI.length, annexII: row.draft.annexII.length, excluded }
      : null,
  };
}
