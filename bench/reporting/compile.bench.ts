/**
 * The Secretary-General's annual report of one period compiled by the job POST
 * /reporting/cycles/:id/compile starts (ReportingCycleCompiler: cases read page by page, compiled
 * by the rules of the cycle's version, the draft stored). The previous period's report is compiled
 * the same way and its annex I recorded as finalised (report_inclusion), so that annex II has
 * follow-ups. Baseline: the selection of annex I and II cases and of every exclusion with its
 * reason, as one SQL statement over the same tables.
 */
import { randomUUID } from 'node:crypto';
import { SystemClock } from '@reprisals/kernel';
import type { Measurement } from '../bench-report';
import { progress } from '../bench-report';
import { casesForReport } from '../../services/reporting/src/application/reporting-cycles/cases-for-report.reader';
import type { CaseForReport } from '../../services/reporting/src/domain/report-compilation/case-for-report';
import { compileReport } from '../../services/reporting/src/domain/report-compilation/report-compilation';
import { ReportingCycleCompiler } from '../../services/reporting/src/application/reporting-cycles/reporting-cycle.compiler';
import type { CompiledReport } from '../../services/reporting/src/domain/report-compilation/report-compilation';
import { ReportingCycleEntity } from '../../services/reporting/src/infrastructure/persistence/reporting-cycle.entity';
import {
  loadReportingPolicies,
  ReportingPolicies,
} from '../../services/reporting/src/infrastructure/policy/reporting-policies';
import { captureQueries, explainSelects } from './query-plans';
import type { ReportingService } from './reporting-service';

export interface CompileFigures {
  runs: Measurement[];
  baselineRuns: Measurement[];
  draft: { annexI: number; annexII: number; exclusions: Record<string, number> };
  cases: number;
  peakHeapMb: number;
  peakRssMb: number;
  heapBeforeMb: number;
  rssBeforeMb: number;
  baselineAgrees: boolean;
  /** One compile's parts, timed apart: the reader's pages, compileReport in memory, the draft's size. */
  breakdown: { readMs: number; compileMs: number; draftMb: number };
  plans?: string;
}

const clock = new SystemClock();

/** Opens an annual report cycle of the period that contains `day`, as POST /reporting/cycles does. */
async function openAnnualCycle(
  service: ReportingService,
  policies: ReportingPolicies,
  day: string,
  symbol: string | null,
): Promise<ReportingCycleEntity> {
  const policy = policies.inForce(clock.now());
  const annual = policy.annualCycleOf(day);
  const row: ReportingCycleEntity = {
    id: randomUUID(),
    kind: 'sg-annual-report',
    periodFrom: annual.periodFrom,
    periodTo: annual.periodTo,
    cutOff: annual.cutOff,
    symbol,
    policyVersion: policy.version,
    jobState: 'not-compiled',
    percentDone: 0,
    draft: null,
    compiledAt: null,
    openedBy: { role: 'reporting-analyst', entity: 'OHCHR' },
    openedAt: clock.now(),
    updatedAt: clock.now(),
  };
  await service.dataSource.getRepository(ReportingCycleEntity).insert(row);
  return row;
}

async function compileOnce(
  service: ReportingService,
  compiler: ReportingCycleCompiler,
  cycleId: string,
): Promise<CompiledReport> {
  if (!(await compiler.start(cycleId))) throw new Error('the cycle is compiling already');
  // Resolves once the job started above has stored its draft (or failed).
  await compiler.onModuleDestroy();
  const cycle = await service.dataSource.getRepository(ReportingCycleEntity).findOneByOrFail({ id: cycleId });
  if (cycle.jobState !== 'compiled' || !cycle.draft) throw new Error(`the compile ended ${cycle.jobState}`);
  return cycle.draft;
}

interface SelectedCase {
  case_id: string;
  annex: 'I' | 'II';
  reason: string | null;
}

/** Annex I, annex II and the exclusions with their reasons, by the same rules, in one statement. */
const SELECTION_SQL = `
  WITH candidate AS (
    SELECT report.case_id, report.state_concerned, report.received_on, report.screening_scope,
           report.verification_outcome, report.verification_concluded_on,
           report.response_actions, report.state_replies,
           COALESCE(consent.publish, 'no') AS publish,
           COALESCE(protection.withheld, FALSE) AS flagged,
           EXISTS (SELECT 1 FROM reporting.report_inclusion inclusion
                     JOIN reporting.reporting_cycle earlier ON earlier.id = inclusion.cycle_id
                    WHERE inclusion.case_id = report.case_id AND inclusion.cycle_id <> $4
                      AND earlier.period_to < $1) AS followed
      FROM reporting.report_case report
      LEFT JOIN reporting.case_consent consent ON consent.case_id = report.case_id
      LEFT JOIN reporting.case_protection protection ON protection.case_id = report.case_id
     WHERE report.received_on <= $2 AND report.state_concerned IS NOT NULL
  ), annexed AS (
    SELECT candidate.*,
           CASE
             WHEN followed THEN
               CASE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(response_actions) action
                                  WHERE action->>'type' IS NOT NULL AND action->>'status' <> 'cancelled'
                                    AND (action->>'decidedOn')::date BETWEEN $1 AND $3)
                      OR EXISTS (SELECT 1 FROM jsonb_array_elements(state_replies) reply
                                  WHERE (reply->>'receivedOn')::date BETWEEN $1 AND $3)
                    THEN 'II' END
             WHEN received_on >= $1 THEN 'I'
             WHEN verification_outcome IS NOT NULL AND verification_concluded_on BETWEEN $1 AND $3 THEN 'I'
           END AS annex
      FROM candidate
  )
  SELECT case_id, annex,
         CASE
           WHEN screening_scope = 'out-of-scope' THEN 'out-of-scope'
           WHEN flagged THEN 'protection-risk'
           WHEN publish = 'no' THEN 'no-publication-consent'
           WHEN verification_outcome IS NULL OR verification_concluded_on IS NULL OR screening_scope IS NULL
             THEN 'not-verified-by-cut-off'
           WHEN verification_concluded_on > $3 THEN 'late-verification'
           WHEN verification_outcome <> ALL ($5::text[]) THEN 'verification-below-threshold'
         END AS reason
    FROM annexed
   WHERE annex IS NOT NULL
   ORDER BY state_concerned, received_on, case_id`;

export async function benchCompile(
  service: ReportingService,
  options: { runs: number; previousDay: string; day: string; explain: boolean },
): Promise<CompileFigures> {
  const policies = new ReportingPolicies(loadReportingPolicies());
  const compiler = new ReportingCycleCompiler(service.dataSource, clock, policies);

  // The previous annual report, compiled and finalised: its annex I cases are followed up in annex II.
  const previous = await openAnnualCycle(service, policies, options.previousDay, 'A/HRC/60/30');
  progress(
    `compile: the previous report (${previous.periodFrom} to ${previous.periodTo}), finalised as A/HRC/60/30`,
  );
  const earlier = await compileOnce(service, compiler, previous.id);
  await service.dataSource.query(
    `INSERT INTO reporting.report_inclusion (case_id, cycle_id, version, symbol, annex)
     SELECT (entry->>'caseId')::uuid, $1::uuid, 1, $2, 'I' FROM jsonb_array_elements($3::jsonb) entry`,
    [previous.id, previous.symbol, JSON.stringify(earlier.annexI)],
  );
  await service.dataSource.query('ANALYZE reporting.report_inclusion');

  const cycle = await openAnnualCycle(service, policies, options.day, null);
  const [{ count }] = await service.dataSource.query<[{ count: string }]>(
    `SELECT count(*) FROM reporting.report_case WHERE received_on <= $1 AND state_concerned IS NOT NULL`,
    [cycle.periodTo],
  );
  const runs: Measurement[] = [];
  let draft: CompiledReport | undefined;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  let peakHeap = heapBefore;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  }, 10);
  try {
    for (let run = 1; run <= options.runs; run += 1) {
      global.gc?.();
      const started = process.hrtime.bigint();
      draft = await compileOnce(service, compiler, cycle.id);
      const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
      runs.push({
        name: 'ReportingCycleCompiler (read pages, compile, store the draft)',
        operations: 1,
        milliseconds,
      });
      progress(`compile ${run}/${options.runs}: ${(milliseconds / 1000).toFixed(2)} s over ${count} cases`);
    }
  } finally {
    clearInterval(sampler);
  }

  const inclusion = policies.get(cycle.policyVersion)!.inclusion;
  let started = process.hrtime.bigint();
  const read: CaseForReport[] = [];
  for await (const page of casesForReport(service.dataSource, cycle)) read.push(...page);
  const readMs = Number(process.hrtime.bigint() - started) / 1e6;
  started = process.hrtime.bigint();
  const compiled = compileReport(read, cycle, inclusion);
  const compileMs = Number(process.hrtime.bigint() - started) / 1e6;
  const draftMb = Buffer.byteLength(JSON.stringify(compiled)) / 1024 / 1024;
  const plans = options.explain
    ? await explainSelects(
        service.dataSource,
        await captureQueries(service.dataSource, () => compileOnce(service, compiler, cycle.id)),
      )
    : undefined;

  const rules = inclusion.reportableOutcomes;
  const parameters = [cycle.periodFrom, cycle.periodTo, cycle.cutOff, cycle.id, rules];
  const baselineRuns: Measurement[] = [];
  let selected: SelectedCase[] = [];
  for (let run = 1; run <= options.runs; run += 1) {
    const started = process.hrtime.bigint();
    selected = await service.dataSource.query<SelectedCase[]>(SELECTION_SQL, parameters);
    const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
    baselineRuns.push({
      name: 'one SQL statement (annexes and exclusion reasons)',
      operations: 1,
      milliseconds,
    });
  }

  const ours = new Map<string, string>();
  for (const entry of draft!.annexI) ours.set(entry.caseId, 'I:included');
  for (const entry of draft!.annexII) ours.set(entry.caseId, 'II:included');
  for (const exclusion of draft!.exclusions)
    ours.set(exclusion.caseId, `${exclusion.annex}:${exclusion.reason}`);
  const baselineAgrees =
    selected.length === ours.size &&
    selected.every((row) => ours.get(row.case_id) === `${row.annex}:${row.reason ?? 'included'}`);
  const exclusions: Record<string, number> = {};
  for (const exclusion of draft!.exclusions)
    exclusions[exclusion.reason] = (exclusions[exclusion.reason] ?? 0) + 1;
  return {
    runs,
    baselineRuns,
    draft: { annexI: draft!.annexI.length, annexII: draft!.annexII.length, exclusions },
    cases: Number(count),
    peakHeapMb: peakHeap / 1024 / 1024,
    peakRssMb: peakRss / 1024 / 1024,
    heapBeforeMb: heapBefore / 1024 / 1024,
    rssBeforeMb: rssBefore / 1024 / 1024,
    baselineAgrees,
    breakdown: { readMs, compileMs, draftMb },
    ...(plans ? { plans } : {}),
  };
}
