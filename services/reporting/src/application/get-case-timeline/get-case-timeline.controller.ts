import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequirePermission } from '@reprisals/security';
import { orderTimeline } from '../../domain/timeline-order';
import { CaseOverviewEntity } from '../../infrastructure/persistence/case-overview.entity';
import { REPORTING_DATA_SOURCE } from '../../infrastructure/persistence/reporting-data-source';
import { TimelineEntryEntity } from '../../infrastructure/persistence/timeline-entry.entity';

export interface TimelineEntryView {
  eventId: string;
  type: string;
  occurredAt: string;
  service: string;
  actor: { kind: string; sub: string | null; role: string | null; entity: string | null };
  entity: string | null;
  policyVersion: string | null;
  causationId: string | null;
}

export interface CaseTimelineView {
  caseId: string;
  reference: string | null;
  entries: TimelineEntryView[];
}

@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting/cases')
export class GetCaseTimelineController {
  constructor(@InjectDataSource(REPORTING_DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get(':id/timeline')
  @RequirePermission('case:timeline:read')
  @ApiOperation({
    summary: 'Every step of the case across the four services, in order: who, in which entity, under which rules',
  })
  async timeline(@Param('id', new ParseUUIDPipe()) id: string): Promise<CaseTimelineView> {
    const rows = await this.dataSource.getRepository(TimelineEntryEntity).find({ where: { caseId: id } });
    if (rows.length === 0) throw new NotFoundException('No such case');
    const overview = await this.dataSource.getRepository(CaseOverviewEntity).findOneBy({ caseId: id });
    const steps = rows.map((row) => ({
      eventId: row.eventId,
      occurredAt: row.occurredAt.toISOString(),
      causationId: row.causationId,
      row,
    }));
    return {
      caseId: id,
      reference: overview?.reference ?? null,
      entries: orderTimeline(steps).map(({ row }) => ({
        eventId: row.eventId,
        type: row.eventType,
        occurredAt: row.occurredAt.toISOString(),
        service: row.service,
        actor: { kind: row.actorKind, sub: row.actorSub, role: row.actorRole, entity: row.actorEntity },
        entity: row.actorEntity,
        policyVersion: row.policyVersion,
        causationId: row.causationId,
      })),
    };
  }
}
