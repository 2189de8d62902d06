import type { CompiledReport } from '../../domain/report-compilation/report-compilation';
import { entriesOf } from './report-export';
import type { ChartValue } from '../export-layout/charts.svg';
import { actTypeLabel, stateLabel } from './report-wording';

/** The figures a draft's charts show, from the entries of both annexes. */
export interface ReportFigures {
  /** Entries per State concerned, most first. */
  byState: ChartValue[];
  /** Entries per type of act (an entry with two types counts under each), most first; anonymised entries withhold their acts and are not counted. */
  byActType: ChartValue[];
  /** Entries with a response of the State by the cut-off, and without. */
  replies: { replied: number; noResponse: number };
}

export function reportFigures(draft: CompiledReport): ReportFigures {
  const entries = entriesOf(draft);
  const replied = entries.filter((entry) => entry.stateResponse !== 'no-response-by-cut-off').length;
  return {
    byState: counted(entries.map((entry) => stateLabel(entry.stateConcerned))),
    byActType: counted(entries.flatMap((entry) => [...new Set(entry.acts)].map(actTypeLabel))),
    replies: { replied, noResponse: entries.length - replied },
  };
}

function counted(labels: readonly string[]): ChartValue[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts]
    .map(([label, value]) => ({ label, value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}
