import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, CaseReadGate, UuidParamPipe } from '@reprisals/service-platform';
import { CaseAuditEntryEntity } from '../../infrastructure/persistence/case-audit-entry.entity';
import { REPORTING_DATA_SOURCE } from '../../infrastructure/persistence/reporting-data-source';

export interface CaseAuditStepView {
  recordedAt: string;
  service: string;
  entity: string | null;
  actor: { kind: string; sub: string | null; role: string | null };
  action: string;
  outcome: string;
  reason: string | null;
  target: string | null;
  policyVersion: string | null;
  recordId: string;
  seq: string;
  hash: string;
}

@ApiTags('reporting')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one the caller’s entity does not see' })
@Controller('reporting/cases')
export class GetCaseAuditController {
  constructor(
    @InjectDataSource(REPORTING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: CaseReadGate,
  ) {}

  @Get(':id/audit')
  @RequirePermission('audit:read')
  @ApiOperation({
    summary:
      'Every step and every read of the case, in every service and entity, in time order (this read is audited too)',
  })
  async audit(
    @Param('id', UuidParamPipe) caseId: string,
    @ActingAs('audit:read') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<{ caseId: string; steps: CaseAuditStepView[] }> {
    await this.gate.open({ service: 'reporting', dataSource: this.dataSource, caseId, user, request });
    const rows = await this.dataSource.getRepository(CaseAuditEntryEntity).find({
      where: { caseId },
      order: { recordedAt: 'ASC', service: 'ASC', seq: 'ASC' },
    });
    return {
      caseId,
      steps: rows.map((row) => ({
        recordedAt: row.recordedAt.toISOString(),
        service: row.service,
        entity: row.actorEntity,
        actor: { kind: row.actorKind, sub: row.actorSub, role: row.actorRole },
        action: row.action,
        outcome: row.outcome,
        reason: row.reason,
        target: row.target,
        policyVersion: row.policyVersion,
        recordId: row.recordId,
        seq: row.seq,
        hash: row.hash,
      })),
    };
  }
}
