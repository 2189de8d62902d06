import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import type { CompiledReport, ReportEntry } from './report-compilation';

/** What a version of a report changed since the version before: entries added, removed or reworded. */
export interface ReportChanges {
  added: Array<{ caseId: string; annex: 'I' | 'II' }>;
  removed: Array<{ caseId: string; annex: 'I' | 'II' }>;
  changed: Array<{ caseId: string; annex: 'I' | 'II' }>;
}

/**
 * The SHA-256 of a report's content in canonical JSON (every object's keys in order): the same
 * content gives the same hash wherever it is computed, whatever order a database keeps keys in.
 */
export function contentHash(content: unknown): string {
  return createHash('sha256')
    .update(stringify(content) ?? 'null', 'utf8')
    .digest('hex');
}

/** The changes from the previous version's draft (none for a first version: everything is added). */
export function changesSince(previous: CompiledReport | null, next: CompiledReport): ReportChanges {
  const entriesOf = (report: CompiledReport | null) =>
    new Map<string, { annex: 'I' | 'II'; entry: ReportEntry }>([
      ...(report?.annexI ?? []).map((entry) => [entry.caseId, { annex: 'I' as const, entry }] as const),
      ...(report?.annexII ?? []).map((entry) => [entry.caseId, { annex: 'II' as const, entry }] as const),
    ]);
  const before = entriesOf(previous);
  const after = entriesOf(next);
  const changes: ReportChanges = { added: [], removed: [], changed: [] };
  for (const [caseId, { annex, entry }] of after) {
    const earlier = before.get(caseId);
    if (!earlier) changes.added.push({ caseId, annex });
    else if (earlier.annex !== annex || stringify(earlier.entry) !== stringify(entry))
      changes.changed.push({ caseId, annex });
  }
  for (const [caseId, { annex }] of before) if (!after.has(caseId)) changes.removed.push({ caseId, annex });
  return changes;
}
