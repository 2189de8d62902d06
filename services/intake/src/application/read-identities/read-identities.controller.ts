import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiGoneResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, CaseReadGate, UuidParamPipe } from '@reprisals/service-platform';
import type { CaseIdentities } from '../../domain/identities';
import { CaseIdentityStore } from '../../infrastructure/identities/case-identity.store';
import { INTAKE_DATA_SOURCE } from '../../infrastructure/persistence/intake-data-source';

@ApiTags('intake: identities')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one the caller’s entity does not see' })
@Controller('intake/allegations')
export class ReadIdentitiesController {
  constructor(
    @InjectDataSource(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: CaseReadGate,
    private readonly identities: CaseIdentityStore,
  ) {}

  @Get(':id/identities')
  @RequirePermission('case:read-identities')
  @ApiOperation({
    summary:
      'Who the victims and sources are, and the detailed account: for the lead entity and entities holding a full share; every read is audited before the data leaves',
  })
  @ApiForbiddenResponse({ description: 'The caller’s entity holds a summary share only' })
  @ApiGoneResponse({ description: 'The personal data of the case was erased' })
  async read(
    @Param('id', UuidParamPipe) caseId: string,
    @ActingAs('case:read-identities') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<CaseIdentities> {
    await this.gate.open({
      service: 'intake',
      dataSource: this.dataSource,
      caseId,
      user,
      request,
      scope: 'full',
    });
    return this.identities.open(this.dataSource.manager, caseId);
  }
}
