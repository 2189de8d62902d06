import { compileUntilComplete, finaliseCycle, type DemoReport } from './annual-reports';
import type { DemoClient } from './demo-client';
import { staff } from './demo-cast-of-staff';
import { addDays } from './reporting-periods';

/**
 * The last day of the period each regular session of the Human Rights Council is briefed on: the
 * Council meets three times a year (around March, June and September), and the President's
 * briefing at a session covers the days since the last one.
 */
const SESSION_PERIOD_ENDS = ['03-31', '06-30', '09-30'] as const;

/** Days after a briefing's last day when the President briefs the Council (during the session). */
export const BRIEFING_AFTER_DAYS = 14;

/** One briefing of the President of the Human Rights Council, as the demonstration plans it. */
export interface PlannedBriefing {
  /** The first briefing's first day; the later ones follow the last one (the service's default). */
  from: string;
  to: string;
  /** The day it is compiled and finalised; undefined for the draft, compiled at the demonstration's end. */
  finalisedOn: string | undefined;
}

/**
 * The briefings from `first` on: one per session whose briefing day has passed by `lastDay`
 * (finalised), then the next one (a draft, its period running past today).
 */
export function plannedBriefings(first: string, lastDay: string): PlannedBriefing[] {
  const briefings: PlannedBriefing[] = [];
  let from = first;
  for (let year = Number(first.slice(0, 4)); ; year += 1)
    for (const end of SESSION_PERIOD_ENDS) {
      const to = `${year}-${end}`;
      if (to < first) continue;
      const due = addDays(to, BRIEFING_AFTER_DAYS);
      const final = due <= lastDay;
      briefings.push({ from, to, finalisedOn: final ? due : undefined });
      if (!final) return briefings;
      from = addDays(to, 1);
    }
}

/**
 * Opens the briefing (the first with its first day, the later ones with their last day only, so
 * that each follows the last), compiles it until reporting holds every case whose good offices
 * the demonstration decided in its period (`broughtToAttention`), and finalises it unless it is
 * the current draft.
 */
export async function compileBriefing(
  client: DemoClient,
  briefing: PlannedBriefing,
  first: boolean,
  broughtToAttention: readonly string[],
): Promise<DemoReport> {
  const symbol = `DEMO/HRC-PRESIDENT/${briefing.to.slice(0, 7)}`;
  const opened = await client.call<{ id: string; periodFrom: string; periodTo: string }>(
    staff.analyst(),
    'POST',
    '/reporting/cycles',
    {
      kind: 'hrc-president-briefing',
      ...(first ? { periodFrom: briefing.from } : {}),
      periodTo: briefing.to,
      symbol,
    },
    201,
  );
  const cycle = await compileUntilComplete(
    client,
    opened.id,
    `reporting to hold every case brought to the President from ${opened.periodFrom} to ${opened.periodTo}`,
    (compiled) => {
      const seen = new Set(
        [...compiled.draft.annexI, ...compiled.draft.annexII, ...compiled.draft.exclusions].map(
          (entry) => entry.caseId,
        ),
      );
      return broughtToAttention.every((caseId) => seen.has(caseId));
    },
  );
  const current = briefing.finalisedOn === undefined;
  return {
    id: opened.id,
    period: { from: opened.periodFrom, to: opened.periodTo, current },
    symbol,
    annexI: cycle.draft.annexI.length,
    annexII: cycle.draft.annexII.length,
    excluded: cycle.draft.exclusions.length,
    version: current ? null : await finaliseCycle(client, opened.id),
  };
}
