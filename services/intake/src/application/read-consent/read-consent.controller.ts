import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import type { ConsentScopes } from '@reprisals/contracts';
import { NO_CONSENT } from '@reprisals/contracts';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, CaseReadGate, UuidParamPipe } from '@reprisals/service-platform';
import type { ConsentVersion } from '../../domain/consent';
import { consentHistoryOf } from '../../infrastructure/persistence/consent.repository';
import { INTAKE_DATA_SOURCE } from '../../infrastructure/persistence/intake-data-source';

export interface ConsentView {
  /** What may be done now: every scope is no until consent is recorded, and after a withdrawal. */
  inForce: ConsentScopes;
  status: 'not-recorded' | 'recorded' | 'withdrawn';
  history: Array<Omit<ConsentVersion, 'caseId' | 'recordedAt'> & { recordedAt: string }>;
}

@ApiTags('intake: consent')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one the caller’s entity does not see' })
@Controller('intake/allegations')
export class ReadConsentController {
  constructor(
    @InjectDataSource(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: CaseReadGate,
  ) {}

  @Get(':id/consent')
  @RequirePermission('case:read')
  @ApiOperation({ summary: 'What consent allows for the case now, and every version recorded' })
  async read(
    @Param('id', UuidParamPipe) caseId: string,
    @ActingAs('case:read') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<ConsentView> {
    await this.gate.open({ service: 'intake', dataSource: this.dataSource, caseId, user, request });
    const history = await consentHistoryOf(this.dataSource.manager, caseId);
    const latest = history.at(-1);
    return {
      inForce: latest ? latest.scopes : { ...NO_CONSENT },
      status: latest ? latest.kind : 'not-recorded',
      history: history.map(({ caseId: _caseId, recordedAt, ...version }) => ({
        ...version,
        recordedAt: recordedAt.toISOString(),
      })),
    };
  }
}
