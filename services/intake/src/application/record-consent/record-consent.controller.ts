import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, UuidParamPipe, ZodValidationPipe } from '@reprisals/service-platform';
import { consentRefusal } from '../consent-refusal';
import { RefusalAuditor } from '../refusal.auditor';
import { recordConsentCommandSchema, type RecordConsentCommand } from './record-consent.command';
import { RecordConsentHandler } from './record-consent.handler';

@ApiTags('intake: consent')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one the caller’s entity does not see' })
@Controller('intake/allegations')
export class RecordConsentController {
  constructor(
    private readonly handler: RecordConsentHandler,
    private readonly refusals: RefusalAuditor,
  ) {}

  @Post(':id/consent')
  @HttpCode(201)
  @RequirePermission('consent:record')
  @ApiOperation({
    summary:
      'The lead entity records the consent given for the case, or a change to it: a new version; a consent to share taken back revokes the shares resting on it',
  })
  @ApiZodBody(recordConsentCommandSchema, {
    scopes: { raiseWithState: 'anonymous', shareWithUnEntities: 'yes', publish: 'no' },
    givenBy: 'victim',
    givenOn: '2026-05-02',
    form: 'written',
  })
  @ApiCreatedResponse({ description: 'The new version, and the shares revoked because of it' })
  record(
    @Param('id', UuidParamPipe) caseId: string,
    @Body(new ZodValidationPipe(recordConsentCommandSchema)) command: RecordConsentCommand,
    @ActingAs('consent:record') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<{ version: number; revokedShares: string[] }> {
    return this.refusals.guard(
      user,
      request,
      caseId,
      'POST /intake/allegations/:id/consent',
      () => this.handler.record(caseId, command, user, requestAuditContext(request)),
      consentRefusal,
    );
  }
}
