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

interface CompiledCycle {
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
  const cycle = await client.until(
    `reporting to hold every case of ${period.from} to ${period.to}`,
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
      const seen = new Set(
        [...compiled.draft.annexI, ...compiled.draft.exclusions].map((entry) => entry.caseId),
      );
      const waiting = new Set(
        compiled.draft.exclusions
          .filter((exclusion) => exclusion.reason === 'not-verified-by-cut-off')
          .map((exclusion) => exclusion.caseId),
      );
      const complete =
        expected.received.every((caseId) => seen.has(caseId)) &&
        expected.concludedByCutOff.every((caseId) => !waiting.has(caseId));
      return complete ? compiled : undefined;
    },
    180_000,
  );
  let version: number | null = null;
  if (!period.current) {
    const finalised = await client.call<{ version: number }>(
      analyst,
      'POST',
      `/reporting/cycles/${id}/finalise`,
      {},
      201,
    );
    version = finalised.version;
  }
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
