import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, UuidParamPipe, ZodValidationPipe } from '@reprisals/service-platform';
import { consentRefusal } from '../consent-refusal';
import {
  withdrawConsentCommandSchema,
  type WithdrawConsentCommand,
} from '../record-consent/record-consent.command';
import { RecordConsentHandler } from '../record-consent/record-consent.handler';
import { RefusalAuditor } from '../refusal.auditor';

@ApiTags('intake: consent')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one the caller’s entity does not see' })
@Controller('intake/allegations')
export class WithdrawConsentController {
  constructor(
    private readonly handler: RecordConsentHandler,
    private readonly refusals: RefusalAuditor,
  ) {}

  @Post(':id/consent/withdrawal')
  @HttpCode(201)
  @RequirePermission('consent:record')
  @ApiOperation({
    summary:
      'The lead entity records that consent was withdrawn: every scope becomes no, every share resting on it is revoked; the history stays',
  })
  @ApiZodBody(withdrawConsentCommandSchema, {
    withdrawnBy: 'family',
    withdrawnOn: '2026-06-10',
    form: 'oral',
  })
  @ApiConflictResponse({ description: 'No consent is in force for the case' })
  withdraw(
    @Param('id', UuidParamPipe) caseId: string,
    @Body(new ZodValidationPipe(withdrawConsentCommandSchema)) command: WithdrawConsentCommand,
    @ActingAs('consent:record') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<{ version: number; revokedShares: string[] }> {
    return this.refusals.guard(
      user,
      request,
      caseId,
      'POST /intake/allegations/:id/consent/withdrawal',
      () => this.handler.withdraw(caseId, command, user, requestAuditContext(request)),
      consentRefusal,
    );
  }
}
