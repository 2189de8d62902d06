import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { whereVisibleTo } from '@reprisals/case-access';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodQuery, ZodValidationPipe } from '@reprisals/service-platform';
import type { DataSource } from 'typeorm';
import { VerificationCaseEntity } from '../../infrastructure/persistence/verification-case.entity';
import { VERIFICATION_DATA_SOURCE } from '../../infrastructure/persistence/verification-data-source';
import {
  listVerificationCasesQuerySchema,
  type ListVerificationCasesQuery,
} from './list-verification-cases.query';

export interface VerificationCaseSummary {
  caseId: string;
  reference: string;
  stateConcerned: string;
  leadEntity: string;
  stage: string;
  track: string;
  risk: string | null;
  protocolVersion: string;
  attentionDueAt: string | null;
  overdue: boolean;
}

@ApiTags('verification')
@ApiBearerAuth()
@ApiProtectedRoute()
@Controller('verification/cases')
export class ListVerificationCasesController {
  constructor(
    @InjectDataSource(VERIFICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @RequirePermission('case:read')
  @ApiOperation({
    summary:
      'Cases the caller’s entity leads or holds a share of, by stage, risk, track, State, and whether something is overdue; most pressing first',
  })
  @ApiZodQuery(listVerificationCasesQuerySchema)
  async list(
    @Query(new ZodValidationPipe(listVerificationCasesQuerySchema)) query: ListVerificationCasesQuery,
    @ActingAs('case:read') user: ActingUser,
  ): Promise<{ cases: VerificationCaseSummary[] }> {
    const now = this.clock.now();
    const builder = whereVisibleTo(
      this.dataSource.getRepository(VerificationCaseEntity).createQueryBuilder('vc'),
      'vc',
      'caseId',
      user.entity,
      now,
    );
    if (query.stage) builder.andWhere('vc.stage = :stage', { stage: query.stage });
    if (query.risk) builder.andWhere('vc.risk = :risk', { risk: query.risk });
    if (query.track) builder.andWhere('vc.track = :track', { track: query.track });
    if (query.state) builder.andWhere('vc.stateConcerned = :state', { state: query.state });
    if (query.overdue === true) builder.andWhere('vc.attentionAt <= :now', { now });
    if (query.overdue === false)
      builder.andWhere('(vc.attentionAt IS NULL OR vc.attentionAt > :now)', { now });
    const rows = await builder
      .orderBy('vc.attentionAt', 'ASC', 'NULLS LAST')
      .addOrderBy('vc.openedAt', 'DESC')
      .limit(query.limit)
      .getMany();
    return {
      cases: rows.map((row) => ({
        caseId: row.caseId,
        reference: row.reference,
        stateConcerned: row.stateConcerned,
        leadEntity: row.leadEntity,
        stage: row.stage,
        track: row.track,
        risk: row.risk,
        protocolVersion: row.protocolVersion,
        attentionDueAt: row.attentionAt?.toISOString() ?? null,
        overdue: row.attentionAt !== null && row.attentionAt <= now,
      })),
    };
  }
}
