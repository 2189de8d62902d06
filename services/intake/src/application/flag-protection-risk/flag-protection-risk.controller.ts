import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, UuidParamPipe, ZodValidationPipe } from '@reprisals/service-platform';
import { protectionRefusal } from '../protection-refusal';
import { RefusalAuditor } from '../refusal.auditor';
import {
  flagProtectionRiskCommandSchema,
  liftProtectionRiskCommandSchema,
  type FlagProtectionRiskCommand,
  type LiftProtectionRiskCommand,
} from './flag-protection-risk.command';
import { FlagProtectionRiskHandler } from './flag-protection-risk.handler';

type Answer = { version: number; withheld: boolean };

@ApiTags('intake: protection')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one the caller’s entity does not see' })
@Controller('intake/allegations')
export class FlagProtectionRiskController {
  constructor(
    private readonly handler: FlagProtectionRiskHandler,
    private readonly refusals: RefusalAuditor,
  ) {}

  @Post(':id/protection-risk')
  @HttpCode(201)
  @RequirePermission('protection:flag')
  @ApiOperation({
    summary:
      'Flags a protection risk (or changes its level): the case is withheld from every State-facing or public step, whatever the consent, until a supervisor lifts it',
  })
  @ApiZodBody(flagProtectionRiskCommandSchema, {
    level: 'high',
    reason: 'person-in-hiding',
    note: 'Went into hiding after the raid on the office.',
  })
  flag(
    @Param('id', UuidParamPipe) caseId: string,
    @Body(new ZodValidationPipe(flagProtectionRiskCommandSchema)) command: FlagProtectionRiskCommand,
    @ActingAs('protection:flag') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<Answer> {
    return this.refusals.guard(
      user,
      request,
      caseId,
      'POST /intake/allegations/:id/protection-risk',
      () => this.handler.flag(caseId, command, user, requestAuditContext(request)),
      protectionRefusal,
    );
  }

  @Post(':id/protection-risk/lift')
  @HttpCode(200)
  @RequirePermission('protection:lift')
  @ApiOperation({ summary: 'A supervisor of the lead entity lifts the protection risk flag' })
  @ApiZodBody(liftProtectionRiskCommandSchema, { note: 'Relocated with the help of the protection unit.' })
  @ApiConflictResponse({ description: 'No flag is in force' })
  lift(
    @Param('id', UuidParamPipe) caseId: string,
    @Body(new ZodValidationPipe(liftProtectionRiskCommandSchema)) command: LiftProtectionRiskCommand,
    @ActingAs('protection:lift') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<Answer> {
    return this.refusals.guard(
      user,
      request,
      caseId,
      'POST /intake/allegations/:id/protection-risk/lift',
      () => this.handler.lift(caseId, command, user, requestAuditContext(request)),
      protectionRefusal,
    );
  }
}
