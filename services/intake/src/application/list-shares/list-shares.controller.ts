import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, CaseReadGate, UuidParamPipe } from '@reprisals/service-platform';
import { CaseShareRecordEntity } from '../../infrastructure/persistence/case-share-record.entity';
import { INTAKE_DATA_SOURCE } from '../../infrastructure/persistence/intake-data-source';

export interface ShareView {
  shareId: string;
  entity: string;
  scope: 'summary' | 'full';
  status: string;
  consentBasis: string;
  expiresAt: string | null;
  offeredAt: string;
}

@ApiTags('intake: sharing')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one led by another entity' })
@Controller('intake/allegations')
export class ListSharesController {
  constructor(
    @InjectDataSource(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: CaseReadGate,
    private readonly audit: AuditTrail,
  ) {}

  @Get(':id/shares')
  @RequirePermission('case:read')
  @ApiOperation({
    summary: 'The shares of a case: all of them for an entity that sees the case, its own offers for another',
  })
  async list(
    @Param('id', UuidParamPipe) caseId: string,
    @ActingAs('case:read') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<{ shares: ShareView[] }> {
    const repository = this.dataSource.getRepository(CaseShareRecordEntity);
    const offeredToCaller = await repository.find({
      where: { caseId, entity: user.entity },
      order: { offeredAt: 'ASC' },
    });
    let rows = offeredToCaller;
    if (offeredToCaller.length > 0) {
      await this.audit.recordNow({
        ...actingUserAudit(user),
        ...requestAuditContext(request),
        action: user.permission,
        caseId,
        target: 'GET /intake/allegations/:id/shares#own-offers',
        outcome: 'allowed',
      });
    } else {
      // Without an offer of its own, the caller must see the case (audited; 404 otherwise).
      await this.gate.open({ service: 'intake', dataSource: this.dataSource, caseId, user, request });
      rows = await repository.find({ where: { caseId }, order: { offeredAt: 'ASC' } });
    }
    return {
      shares: rows.map((row) => ({
        shareId: row.shareId,
        entity: row.entity,
        scope: row.scope,
        status: row.status,
        consentBasis: row.consentBasis,
        expiresAt: row.expiresAt ? row.expiresAt.toISOString() : null,
        offeredAt: row.offeredAt.toISOString(),
      })),
    };
  }
}
