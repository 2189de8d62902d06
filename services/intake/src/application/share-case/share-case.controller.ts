import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, UuidParamPipe, ZodValidationPipe } from '@reprisals/service-platform';
import { RefusalAuditor } from '../refusal.auditor';
import { shareCaseCommandSchema, type ShareCaseCommand } from './share-case.command';
import { ShareCaseHandler } from './share-case.handler';

@ApiTags('intake: sharing')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one led by another entity' })
@Controller('intake/allegations')
export class ShareCaseController {
  constructor(
    private readonly handler: ShareCaseHandler,
    private readonly refusals: RefusalAuditor,
  ) {}

  @Post(':id/shares')
  @HttpCode(201)
  @RequirePermission('case:share')
  @ApiOperation({
    summary:
      'The lead entity offers the case to another UN entity; needs consent to share, or a supervisor override',
  })
  @ApiZodBody(shareCaseCommandSchema, {
    entity: 'SPECIAL-PROCEDURES',
    purpose: 'The mandate holder considers an urgent appeal to the State',
    scope: 'full',
    expiresAt: '2026-12-31T23:59:59Z',
  })
  @ApiCreatedResponse({
    description: 'The share id; the receiving entity’s focal point accepts or declines it',
  })
  @ApiConflictResponse({ description: 'No consent to share is recorded and no override was given' })
  async share(
    @Param('id', UuidParamPipe) caseId: string,
    @Body(new ZodValidationPipe(shareCaseCommandSchema)) command: ShareCaseCommand,
    @ActingAs('case:share') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<{ shareId: string }> {
    return this.refusals.guard(user, request, caseId, 'POST /intake/allegations/:id/shares', () =>
      this.handler.execute(caseId, command, user, requestAuditContext(request)),
    );
  }
}
