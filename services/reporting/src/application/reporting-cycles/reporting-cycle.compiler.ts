import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@reprisals/kernel';
import type { CaseForReport } from '../../domain/report-compilation/case-for-report';
import { compileReport } from '../../domain/report-compilation/report-compilation';
import { REPORTING_DATA_SOURCE } from '../../infrastructure/persistence/reporting-data-source';
import { ReportingCycleEntity } from '../../infrastructure/persistence/reporting-cycle.entity';
import { ReportingPolicies } from '../../infrastructure/policy/reporting-policies';
import { casesForReport, countCasesForReport } from './cases-for-report.reader';

/** A compile that has not read a page for this long is taken for dead: another may start. */
export const COMPILE_LEASE_MS = 10 * 60_000;

/**
 * Compiles a cycle's draft as a job of its own: the cases are read page by page (the job's
 * percent done grows with them), compiled by the rules of the version the cycle records, and the
 * draft stored with `compiled`. A failure leaves `failed` and the previous draft. The jobs still
 * running when the service stops are awaited.
 */
@Injectable()
export class ReportingCycleCompiler implements OnModuleDestroy {
  private readonly logger = new Logger('ReportingCycleCompiler');
  private readonly running = new Set<Promise<void>>();

  constructor(
    @InjectDataSource(REPORTING_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly policies: ReportingPolicies,
  ) {}

  /** Starts the job; false when the cycle is compiling already (one live job per cycle at a time). */
  async start(cycleId: string): Promise<boolean> {
    const claimed = await this.dataSource
      .getRepository(ReportingCycleEntity)
      .createQueryBuilder()
      .update()
      .set({ jobState: 'compiling', percentDone: 0, updatedAt: this.clock.now() })
      // A job whose process died stops renewing its lease (each page read renews it): taken over.
      .where('id = :cycleId AND (job_state <> :compiling OR updated_at < :leaseExpired)', {
        cycleId,
        compiling: 'compiling',
        leaseExpired: new Date(this.clock.now().getTime() - COMPILE_LEASE_MS),
      })
      .execute();
    if (claimed.affected !== 1) return false;
    const job = this.compile(cycleId).finally(() => this.running.delete(job));
    this.running.add(job);
    return true;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async compile(cycleId: string): Promise<void> {
    const cycles = this.dataSource.getRepository(ReportingCycleEntity);
    try {
      const cycle = await cycles.findOneByOrFail({ id: cycleId });
      const policy = this.policies.get(cycle.policyVersion);
      if (!policy) throw new Error(`the rules ${cycle.policyVersion} are not published here`);
      const total = await countCasesForReport(this.dataSource, cycle.periodTo);
      const cases: CaseForReport[] = [];
      for await (const page of casesForReport(this.dataSource, cycle)) {
        cases.push(...page);
        // Reading is the long part; compiling what was read takes the last percent.
        const percentDone = Math.min(99, Math.floor((cases.length / Math.max(total, 1)) * 99));
        await cycles.update({ id: cycleId }, { percentDone, updatedAt: this.clock.now() });
      }
      const draft = compileReport(cases, cycle, policy.inclusion);
      const now = this.clock.now();
      await cycles.update(
        { id: cycleId },
        { jobState: 'compiled', percentDone: 100, draft, compiledAt: now, updatedAt: now },
      );
    } catch (error) {
      this.logger.error({
        msg: 'compile failed',
        cycleId,
        error: error instanceof Error ? error.name : 'error',
      });
      await cycles.update({ id: cycleId }, { jobState: 'failed', updatedAt: this.clock.now() });
    }
  }
}
