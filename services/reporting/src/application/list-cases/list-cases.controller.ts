import { Controller, Get, Inject, Query } from '@nestjs/common';
import { whereVisibleTo } from '@reprisals/case-access';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodQuery, ZodValidationPipe } from '@reprisals/service-platform';
import { CaseOverviewEntity } from '../../infrastructure/persistence/case-overview.entity';
import { ReportCaseEntity } from '../../infrastructure/persistence/report-case.entity';
import { REPORTING_DATA_SOURCE } from '../../infrastructure/persistence/reporting-data-source';
import { CASE_STATUSES, listCasesQuerySchema, type ListCasesQuery } from './list-cases.query';

export interface CaseOverviewView {
  caseId: string;
  reference: string;
  stateConcerned: string;
  leadEntity: string;
  receivedVia: string | null;
  receivedOn: string | null;
  stage: string | null;
  status: (typeof CASE_STATUSES)[number];
  protocolVersion: string | null;
  updatedAt: string;
}

const STAGE = 'COALESCE(report.stage, overview.stage)';

@ApiTags('reporting')
@ApiBearerAuth()
@ApiProtectedRoute()
@Controller('reporting/cases')
export class ListCasesController {
  constructor(
    @InjectDataSource(REPORTING_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @RequirePermission('case:read')
  @ApiOperation({
    summary:
      'Cases the caller’s entity leads or holds a share of, for dashboards, by State, stage, status (open or closed) and reception date',
  })
  @ApiZodQuery(listCasesQuerySchema)
  async list(
    @Query(new ZodValidationPipe(listCasesQuerySchema)) query: ListCasesQuery,
    @ActingAs('case:read') user: ActingUser,
  ): Promise<{ cases: CaseOverviewView[] }> {
    const builder = whereVisibleTo(
      this.dataSource.getRepository(CaseOverviewEntity).createQueryBuilder('overview'),
      'overview',
      'caseId',
      user.entity,
      this.clock.now(),
    );
    // The stage: the furthest the protocol's events told of, or the first one before any step.
    builder
      .leftJoin(ReportCaseEntity, 'report', 'report.caseId = overview.caseId')
      .addSelect(STAGE, 'current_stage');
    if (query.state) builder.andWhere('overview.stateConcerned = :state', { state: query.state });
    if (query.stage) builder.andWhere(`${STAGE} = :stage`, { stage: query.stage });
    if (query.status === 'closed') builder.andWhere(`${STAGE} = 'closed'`);
    if (query.status === 'open') builder.andWhere(`${STAGE} IS DISTINCT FROM 'closed'`);
    if (query.from) builder.andWhere('overview.receivedOn >= :from', { from: query.from });
    if (query.to) builder.andWhere('overview.receivedOn <= :to', { to: query.to });
    const { entities, raw } = await builder
      .orderBy('overview.updatedAt', 'DESC')
      .limit(query.limit)
      .getRawAndEntities<{ current_stage: string | null }>();
    return {
      cases: entities.map((row, index) => ({
        caseId: row.caseId,
        reference: row.reference,
        stateConcerned: row.stateConcerned,
        leadEntity: row.leadEntity,
        receivedVia: row.receivedVia,
        receivedOn: row.receivedOn,
        stage: raw[index]?.current_stage ?? null,
        status: raw[index]?.current_stage === 'closed' ? 'closed' : 'open',
        protocolVersion: row.protocolVersion,
        updatedAt: row.updatedAt.toISOString(),
      })),
    };
  }
}
