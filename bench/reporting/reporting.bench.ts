/**
 * Reporting at scale: synthetic cases projected by reporting into a fresh database (through its
 * consumer), then the annual report compiled and the statistics read over them, each against a
 * baseline measured in the same run. The database is dropped at the end.
 */
import { createTestDatabase } from '@reprisals/testing';
import { perSecond, printComparison, progress, type Measurement } from '../bench-report';
import { benchCompile } from './compile.bench';
import { bulkCopyBaseline, projectCases, projectedRows } from './projection.bench';
import { openReportingService } from './reporting-service';
import { benchStatistics } from './statistics.bench';
import { RECEIVED_FROM, TODAY } from './synthetic-cases';
import type { StatisticsDimension } from '../../services/reporting/src/domain/statistics/statistics-dimensions';

export interface ReportingBenchSettings {
  cases: number;
  /** Messages handled at once after the standalone share (3: partitionsConsumedConcurrently on Kafka). */
  lanes: number;
  /** The share of cases projected first one message at a time, as the standalone mode does. */
  standaloneShare: number;
  runs: number;
  seed: number;
  /** Print the plans (EXPLAIN ANALYZE) of the statements compile and statistics send. */
  explain?: boolean;
}

const GROUPINGS: StatisticsDimension[][] = [
  [],
  ['state'],
  ['year', 'actType'],
  ['state', 'verificationOutcome', 'replyStatus'],
  ['gender', 'profile', 'anonymity'],
  ['responseAction', 'online', 'perpetrator'],
];

const TARGETS = { eventsPerSecond: 5_000, compileSeconds: 10, statisticsSeconds: 2 };

export async function benchReporting(settings: ReportingBenchSettings): Promise<void> {
  const wallStarted = Date.now();
  const database = await createTestDatabase('bench_reporting');
  progress(`database ${database.name}; ${settings.cases} cases, seed ${settings.seed}`);
  try {
    const service = await openReportingService(database.url);
    try {
      // Standalone mode hands reporting one message at a time (one in-process queue per consumer
      // group); on Kafka, reporting consumes partitionsConsumedConcurrently (3) partitions at once.
      const standaloneCases = Math.floor(settings.cases * settings.standaloneShare);
      const standalone =
        standaloneCases > 0
          ? await projectCases(
              service,
              { cases: standaloneCases, seed: settings.seed, lanes: 1 },
              'projection, 1 message at a time (standalone)',
            )
          : undefined;
      const concurrent = await projectCases(
        service,
        { cases: settings.cases, fromCase: standaloneCases, seed: settings.seed, lanes: settings.lanes },
        `projection, ${settings.lanes} messages at a time (Kafka)`,
      );
      const all: Measurement = {
        name: 'projection, all events',
        operations: (standalone?.events ?? 0) + concurrent.events,
        milliseconds: (standalone?.measurement.milliseconds ?? 0) + concurrent.measurement.milliseconds,
      };
      const deliveries = (standalone?.deliveries ?? 0) + concurrent.deliveries;
      const rows = await projectedRows(service);
      await service.dataSource.query('ANALYZE');
      progress('projection baseline: the same rows written in bulk');
      const copy = await bulkCopyBaseline(service, all.operations);

      const compile = await benchCompile(service, {
        runs: settings.runs,
        previousDay: '2024-06-01',
        day: '2025-06-01',
        explain: settings.explain ?? false,
      });
      const statistics = await benchStatistics(service, {
        runs: settings.runs,
        from: RECEIVED_FROM,
        to: TODAY,
        groupings: GROUPINGS,
        explain: settings.explain ?? false,
      });

      process.stdout.write(
        `\nReporting at scale: ${settings.cases} cases, ${all.operations} events ` +
          `(${(all.operations / settings.cases).toFixed(1)} per case), ${deliveries} handler transactions\n`,
      );
      process.stdout.write(`rows projected: ${JSON.stringify(rows)}\n`);
      process.stdout.write(
        `events made and encoded (producers' side, not counted): ${((standalone?.generationMs ?? 0) + concurrent.generationMs).toFixed(0)} ms\n`,
      );
      if (standalone)
        printComparison('Projection, 1 message at a time (standalone mode)', copy, standalone.measurement);
      printComparison(
        `Projection, ${settings.lanes} messages at a time (Kafka mode)`,
        copy,
        concurrent.measurement,
      );
      printComparison('Projection, all events', copy, all);

      const best = (runs: Measurement[]) => runs.reduce((a, b) => (b.milliseconds < a.milliseconds ? b : a));
      printComparison(
        `Annual report compile (best of ${settings.runs}), ${compile.cases} cases read`,
        best(compile.baselineRuns),
        best(compile.runs),
      );
      process.stdout.write(
        `compile runs: ${compile.runs.map((run) => (run.milliseconds / 1000).toFixed(2)).join(', ')} s; ` +
          `SQL: ${compile.baselineRuns.map((run) => (run.milliseconds / 1000).toFixed(2)).join(', ')} s\n` +
          `draft: annex I ${compile.draft.annexI}, annex II ${compile.draft.annexII}, exclusions ${JSON.stringify(compile.draft.exclusions)}\n` +
          `memory during compiles: heap ${compile.heapBeforeMb.toFixed(0)} -> peak ${compile.peakHeapMb.toFixed(0)} MB, ` +
          `rss ${compile.rssBeforeMb.toFixed(0)} -> peak ${compile.peakRssMb.toFixed(0)} MB\n` +
          `baseline selects the same cases with the same annexes and reasons: ${compile.baselineAgrees ? 'yes' : 'NO'}\n` +
          `one compile's parts: the reader's pages ${(compile.breakdown.readMs / 1000).toFixed(2)} s, ` +
          `compileReport in memory ${(compile.breakdown.compileMs / 1000).toFixed(2)} s, ` +
          `the rest (progress updates, storing a draft of ${compile.breakdown.draftMb.toFixed(1)} MB) ` +
          `${((best(compile.runs).milliseconds - compile.breakdown.readMs - compile.breakdown.compileMs) / 1000).toFixed(2)} s\n`,
      );
      if (compile.plans) process.stdout.write(`\nPlans of the compile's statements\n${compile.plans}\n`);
      for (const figure of statistics) {
        printComparison(
          `Statistics, groupBy=${figure.groupBy.join(',') || '(none)'} (median of ${settings.runs}), ${figure.groups} groups`,
          figure.baseline,
          figure.ours,
        );
        process.stdout.write(
          `baseline counts agree with the domain's: ${figure.baselineAgrees ? 'yes' : 'NO'}\n`,
        );
      }

      const eventsPerSecond = perSecond(all);
      const compileSeconds = best(compile.runs).milliseconds / 1000;
      const statisticsSeconds = Math.max(...statistics.map((figure) => figure.ours.milliseconds)) / 1000;
      const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
      process.stdout.write(
        `\nTargets\n` +
          `| measure | target | measured | |\n|---|---|---|---|\n` +
          `| projection | >= ${TARGETS.eventsPerSecond} events/s | ${eventsPerSecond.toFixed(0)} events/s | ${verdict(eventsPerSecond >= TARGETS.eventsPerSecond)} |\n` +
          `| compile | < ${TARGETS.compileSeconds} s | ${compileSeconds.toFixed(2)} s | ${verdict(compileSeconds < TARGETS.compileSeconds)} |\n` +
          `| statistics (slowest grouping) | < ${TARGETS.statisticsSeconds} s | ${statisticsSeconds.toFixed(2)} s | ${verdict(statisticsSeconds < TARGETS.statisticsSeconds)} |\n` +
          `statistics medians: ${statistics.map((figure) => `${figure.groupBy.join(',') || '(none)'} ${(figure.ours.milliseconds / 1000).toFixed(2)} s`).join('; ')}\n` +
          `wall time: ${((Date.now() - wallStarted) / 60_000).toFixed(1)} min\n`,
      );
      if (!compile.baselineAgrees || statistics.some((figure) => !figure.baselineAgrees))
        throw new Error('a baseline does not compute the same result as reporting');
    } finally {
      await service.close();
    }
  } finally {
    await database.drop();
  }
}
