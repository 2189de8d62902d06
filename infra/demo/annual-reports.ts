import type { DemoClient } from './demo-client';
import { staff } from './demo-cast-of-staff';
import type { ReportingPeriod } from './reporting-periods';

/** A cycle of the Secretary-General's annual report, as the demonstration left it. */
export interface DemoReport {
  id: string;
  period: ReportingPeriod;
  symbol: string;
  annexI: number;
  annexII: number;
  excluded: number;
  /** The version finalised; null for the current period's draft. */
  version: number | null;
}

export interface CompiledCycle {
  id: string;
  job: { state: string };
  draft: {
    annexI: Array<{ caseId: string }>;
    annexII: Array<{ caseId: string }>;
    exclusions: Array<{ caseId: string; reason: string }>;
  };
}

/**
 * Opens the annual report of `period` with a demonstration symbol, compiles it until reporting
 * holds every case received in the period (`expected`), and finalises it unless it is the
 * current period's draft.
 */
export async function compileAnnualReport(
  client: DemoClient,
  period: ReportingPeriod,
  expected: { received: readonly string[]; concludedByCutOff: readonly string[] },
): Promise<DemoReport> {
  const analyst = staff.analyst();
  const symbol = `DEMO/REPRISALS/${period.to.slice(0, 4)}`;
  const opened = await client.call<{ id: string }>(
    analyst,
    'POST',
    '/reporting/cycles',
    { kind: 'sg-annual-report', periodFrom: period.from, periodTo: period.to, symbol },
    201,
  );
  const { id } = opened;
  const cycle = await compileUntilComplete(
    client,
    id,
    `reporting to hold every case of ${period.from} to ${period.to}`,
    (compiled) => {
      const seen = new Set(
        [...compiled.draft.annexI, ...compiled.draft.exclusions].map((entry) => entry.caseId),
      );
      const waiting = new Set(
        compiled.draft.exclusions
          .filter((exclusion) => exclusion.reason === 'not-verified-by-cut-off')
          .map((exclusion) => exclusion.caseId),
      );
      return (
        expected.received.every((caseId) => seen.has(caseId)) &&
        expected.concludedByCutOff.every((caseId) => !waiting.has(caseId))
      );
    },
  );
  const version = period.current ? null : await finaliseCycle(client, id);
  return {
    id,
    period,
    symbol,
    annexI: cycle.draft.annexI.length,
    annexII: cycle.draft.annexII.length,
    excluded: cycle.draft.exclusions.length,
    version,
  };
}

/**
 * Compiles the cycle again and again until its draft is `complete` (reporting has heard of
 * every case the demonstration expects in it: events reach it a moment after they happen).
 */
export async function compileUntilComplete(
  client: DemoClient,
  id: string,
  what: string,
  complete: (compiled: CompiledCycle) => boolean,
): Promise<CompiledCycle> {
  const analyst = staff.analyst();
  return client.until(
    what,
    async () => {
      await client.call(analyst, 'POST', `/reporting/cycles/${id}/compile`, {}, 202);
      const compiled = await client.until(
        'the compile to finish',
        async () => {
          const read = await client.call<CompiledCycle>(analyst, 'GET', `/reporting/cycles/${id}`);
          return read.job.state === 'compiled' ? read : undefined;
        },
        120_000,
      );
      return complete(compiled) ? compiled : undefined;
    },
    180_000,
  );
}

/** Finalises the cycle's last draft as a version: its number. */
export async function finaliseCycle(client: DemoClient, id: string): Promise<number> {
  const finalised = await client.call<{ version: number }>(
    staff.analyst(),
    'POST',
    `/reporting/cycles/${id}/finalise`,
    {},
    201,
  );
  return finalised.version;
}
