import { Controller, Get, Inject, NotFoundException, Param, Req } from '@nestjs/common';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import { CaseAccessReader } from '@reprisals/case-access';
import { CLOCK, type Clock } from '@reprisals/kernel';
import type { IncomingMessage } from 'node:http';
import type { TimelineDetail } from '../../domain/timeline-detail';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, CaseReadGate, UuidParamPipe } from '@reprisals/service-platform';
import { orderTimeline } from '../../domain/timeline-order';
import { CaseOverviewEntity } from '../../infrastructure/persistence/case-overview.entity';
import { REPORTING_DATA_SOURCE } from '../../infrastructure/persistence/reporting-data-source';
import { TimelineEntryEntity } from '../../infrastructure/persistence/timeline-entry.entity';
import { CaseLinkEntity } from '../../infrastructure/persistence/case-link.entity';

export interface TimelineEntryView {
  eventId: string;
  type: string;
  occurredAt: string;
  service: string;
  actor: { kind: string; sub: string | null; role: string | null; entity: string | null };
  entity: string | null;
  policyVersion: string | null;
  causationId: string | null;
  /** Codes, dates and ids of the step (which report, which action, which outcome), or null. */
  detail: TimelineDetail | null;
  /**
   * On a CasesLinked step: the other case, by id and reference only (null until reporting has
   * heard of it). Shown whether or not the reader's entity sees that case, since the link is a
   * step of this one; nothing else of it is, and reading it still takes a share.
   */
  linkedCase?: { caseId: string; reference: string | null };
}

export interface CaseTimelineView {
  caseId: string;
  reference: string;
  entries: TimelineEntryView[];
}

@ApiTags('reporting')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one led by another entity' })
@Controller('reporting/cases')
export class GetCaseTimelineController {
  constructor(
    @InjectDataSource(REPORTING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: CaseReadGate,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private readonly access = new CaseAccessReader();

  @Get(':id/timeline')
  @RequirePermission('case:timeline:read')
  @ApiOperation({
    summary:
      'Every step of the case across the four services, in order: who, in which entity, under which rules',
  })
  async timeline(
    @Param('id', UuidParamPipe) id: string,
    @ActingAs('case:timeline:read') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<CaseTimelineView> {
    await this.gate.open({ service: 'reporting', dataSource: this.dataSource, caseId: id, user, request });
    const overview = await this.dataSource.getRepository(CaseOverviewEntity).findOneBy({ caseId: id });
    if (!overview) throw new NotFoundException('No such case');
    const rows = await this.dataSource.getRepository(TimelineEntryEntity).find({ where: { caseId: id } });
    const linkedCases = await this.linkedCasesOf(id);
    await this.recordDisclosures(
      [...new Set([...linkedCases.values()].map((linked) => linked.caseId))],
      user,
      request,
    );
    const steps = rows.map((row) => ({
      eventId: row.eventId,
      occurredAt: row.occurredAt.toISOString(),
      causationId: row.causationId,
      row,
    }));
    return {
      caseId: id,
      reference: overview.reference,
      entries: orderTimeline(steps).map(({ row }) => ({
        eventId: row.eventId,
        type: row.eventType,
        occurredAt: row.occurredAt.toISOString(),
        service: row.service,
        actor: { kind: row.actorKind, sub: row.actorSub, role: row.actorRole, entity: row.actorEntity },
        entity: row.actorEntity,
        policyVersion: row.policyVersion,
        causationId: row.causationId,
        detail: row.detail,
        ...optionalLinkedCase(linkedCases.get(row.eventId)),
      })),
    };
  }

  /**
   * A linked case the reader's entity does not see still shows its reference: that case's own
   * trail records that its reference reached the entity (as intake's duplicates list does).
   */
  private async recordDisclosures(
    linkedIds: string[],
    user: ActingUser,
    request: IncomingMessage,
  ): Promise<void> {
    const now = this.clock.now();
    const disclosed: string[] = [];
    for (const linkedId of linkedIds) {
      if (!(await this.access.accessOf(this.dataSource, linkedId, user.entity, now)).visible)
        disclosed.push(linkedId);
    }
    if (disclosed.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      for (const caseId of disclosed) {
        await this.audit.record(manager, {
          ...actingUserAudit(user),
          ...requestAuditContext(request),
          action: user.permission,
          caseId,
          target: 'GET /reporting/cases/:id/timeline#reference-disclosed',
          outcome: 'allowed',
        });
      }
    });
  }

  /** The other case of each CasesLinked step of the case, by event id, with its reference when known. */
  private async linkedCasesOf(
    caseId: string,
  ): Promise<Map<string, { caseId: string; reference: string | null }>> {
    const links = await this.dataSource.getRepository(CaseLinkEntity).find({ where: { caseId } });
    const linkedIds = [...new Set(links.map((link) => link.linkedCaseId))];
    const overviews =
      linkedIds.length === 0
        ? []
        : await this.dataSource
            .getRepository(CaseOverviewEntity)
            .find({ where: { caseId: In(linkedIds) }, select: { caseId: true, reference: true } });
    const references = new Map(overviews.map((overview) => [overview.caseId, overview.reference]));
    return new Map(
      links.map((link) => [
        link.eventId,
        { caseId: link.linkedCaseId, reference: references.get(link.linkedCaseId) ?? null },
      ]),
    );
  }
}

function optionalLinkedCase(
  linkedCase: TimelineEntryView['linkedCase'],
): Pick<TimelineEntryView, 'linkedCase'> {
  return linkedCase ? { linkedCase } : {};
}
