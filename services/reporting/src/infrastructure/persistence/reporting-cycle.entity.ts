import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CompiledReport } from '../../domain/report-compilation/report-compilation';
import type { ReportingCycleKind } from '../../domain/report-compilation/reporting-cycle';

/** A reporting cycle, its compile job and its last draft. */
@Entity({ name: 'reporting_cycle' })
export class ReportingCycleEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  kind!: ReportingCycleKind;

  @Column({ name: 'period_from', type: 'date' })
  periodFrom!: string;

  @Column({ name: 'period_to', type: 'date' })
  periodTo!: string;

  @Column({ name: 'cut_off', type: 'date' })
  cutOff!: string;

  @Column({ type: 'text', nullable: true })
  symbol!: string | null;

  @Column({ name: 'policy_version', type: 'text' })
  policyVersion!: string;

  @Column({ name: 'job_state', type: 'text' })
  jobState!: 'not-compiled' | 'compiling' | 'compiled' | 'failed';

  @Column({ name: 'percent_done', type: 'smallint' })
  percentDone!: number;

  @Column({ type: 'jsonb', nullable: true })
  draft!: CompiledReport | null;

  @Column({ name: 'compiled_at', type: 'timestamptz', nullable: true })
  compiledAt!: Date | null;

  @Column({ name: 'opened_by', type: 'jsonb' })
  openedBy!: { role: string; entity: string };

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
