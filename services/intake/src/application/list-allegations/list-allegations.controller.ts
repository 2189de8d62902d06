import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import { whereVisibleTo } from '@reprisals/case-access';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodQuery, ZodValidationPipe } from '@reprisals/service-platform';
import { AllegationEntity } from '../../infrastructure/persistence/allegation.entity';
import { INTAKE_DATA_SOURCE } from '../../infrastructure/persistence/intake-data-source';
import { VictimRecordEntity } from '../../infrastructure/persistence/victim-record.entity';
import {
  listAllegationsQuerySchema,
  type AllegationState,
  type ListAllegationsQuery,
} from './list-allegations.query';

export interface AllegationListItem {
  id: string;
  reference: string;
  state: AllegationState;
  stateConcerned: string;
  receivedVia: string;
  receivedOn: string;
  leadEntity: string;
  victimCount: number;
  recordedAt: string;
}

/** SQL for the state of an allegation, from its erasure record and its protection projection (tables of intake's schema). */
const STATE_SQL = `CASE
  WHEN EXISTS (SELECT 1 FROM "erasure_record" er WHERE er."case_id" = allegation."id") THEN 'erased'
  WHEN EXISTS (SELECT 1 FROM "case_protection" cp WHERE cp."case_id" = allegation."id" AND cp."withheld") THEN 'withheld'
  ELSE 'open' END`;

@ApiTags('intake')
@ApiBearerAuth()
@ApiProtectedRoute()
@Controller('intake/allegations')
export class ListAllegationsController {
  constructor(
    @InjectDataSource(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @RequirePermission('allegation:read')
  @ApiOperation({
    summary:
      'Allegations the caller’s entity leads or holds a share of, newest first, without identities: by state, country and reception date',
  })
  @ApiZodQuery(listAllegationsQuerySchema)
  async list(
    @Query(new ZodValidationPipe(listAllegationsQuerySchema)) query: ListAllegationsQuery,
    @ActingAs('allegation:read') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<{ items: AllegationListItem[]; page: number; pageSize: number; total: number }> {
    const builder = whereVisibleTo(
      this.dataSource.getRepository(AllegationEntity).createQueryBuilder('allegation'),
      'allegation',
      'id',
      user.entity,
      this.clock.now(),
    )
      .addSelect(STATE_SQL, 'allegation_state')
      .addSelect(
        (sub) =>
          sub
            .select('count(*)::int')
            .from(VictimRecordEntity, 'victim')
            .where('victim.caseId = allegation.id'),
        'allegation_victim_count',
      );
    if (query.state) builder.andWhere(`${STATE_SQL} = :state`, { state: query.state });
    if (query.country) builder.andWhere('allegation.stateConcerned = :country', { country: query.country });
    if (query.receivedFrom) builder.andWhere('allegation.receivedOn >= :from', { from: query.receivedFrom });
    if (query.receivedTo) builder.andWhere('allegation.receivedOn <= :to', { to: query.receivedTo });
    const total = await builder.getCount();
    const { entities, raw } = await builder
      .orderBy('allegation.recordedAt', 'DESC')
      .addOrderBy('allegation.id', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawAndEntities<{ allegation_state: AllegationState; allegation_victim_count: number }>();
    await this.audit.recordNow({
      ...actingUserAudit(user),
      ...requestAuditContext(request),
      action: user.permission,
      target: `GET /intake/allegations#returned:${entities.length}`,
      outcome: 'allowed',
    });
    return {
      items: entities.map((row, index) => ({
        id: row.id,
        reference: row.reference,
        state: raw[index]?.allegation_state ?? 'open',
        stateConcerned: row.stateConcerned,
        receivedVia: row.receivedVia,
        receivedOn: row.receivedOn,
        leadEntity: row.leadEntity,
        victimCount: raw[index]?.allegation_victim_count ?? 0,
        recordedAt: row.recordedAt.toISOString(),
      })),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }
}
