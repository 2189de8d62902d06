import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { CaseDisclosureReader, type CaseDisclosure } from '@reprisals/case-access';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, CaseReadGate, UuidParamPipe } from '@reprisals/service-platform';
import { INTAKE_DATA_SOURCE } from '../../infrastructure/persistence/intake-data-source';
import { protectionFlagHistoryOf } from '../../infrastructure/persistence/protection-flag.repository';

export interface ProtectionView {
  withheld: boolean;
  level: string | null;
  /** What consent and the flag together allow now: what every State-facing or public step applies. */
  disclosure: CaseDisclosure;
  history: Array<{
    version: number;
    kind: string;
    level: string | null;
    reason: string | null;
    byEntity: string;
    at: string;
  }>;
}

@ApiTags('intake: protection')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one the caller’s entity does not see' })
@Controller('intake/allegations')
export class ReadProtectionRiskController {
  private readonly disclosure = new CaseDisclosureReader();

  constructor(
    @InjectDataSource(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: CaseReadGate,
  ) {}

  @Get(':id/protection-risk')
  @RequirePermission('case:read')
  @ApiOperation({
    summary:
      'Whether a protection risk withholds the case, what may be disclosed now, and the flag’s history',
  })
  async read(
    @Param('id', UuidParamPipe) caseId: string,
    @ActingAs('case:read') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<ProtectionView> {
    await this.gate.open({ service: 'intake', dataSource: this.dataSource, caseId, user, request });
    const [view, history] = await Promise.all([
      this.disclosure.disclosureOf(this.dataSource, caseId),
      protectionFlagHistoryOf(this.dataSource.manager, caseId),
    ]);
    const { consent: _consent, protection, ...disclosure } = view;
    return {
      withheld: protection.withheld,
      level: protection.level,
      disclosure,
      history: history.map(({ version, kind, level, reason, byEntity, at }) => ({
        version,
        kind,
        level,
        reason,
        byEntity,
        at: at.toISOString(),
      })),
    };
  }
}
