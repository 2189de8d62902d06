import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, UuidParamPipe, ZodValidationPipe } from '@reprisals/service-platform';
import { RefusalAuditor } from '../refusal.auditor';
import { requestLeadTransferCommandSchema, type RequestLeadTransferCommand } from './transfer-lead.command';
import { TransferLeadHandler } from './transfer-lead.handler';

@ApiTags('intake: sharing')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case or transfer for the caller’s entity' })
@Controller('intake/allegations')
export class TransferLeadController {
  constructor(
    private readonly handler: TransferLeadHandler,
    private readonly refusals: RefusalAuditor,
  ) {}

  @Post(':id/lead-transfers')
  @HttpCode(201)
  @RequirePermission('case:share')
  @ApiOperation({ summary: 'The lead entity asks another entity to take over the lead of the case' })
  @ApiZodBody(requestLeadTransferCommandSchema, { toEntity: 'OHCHR' })
  request(
    @Param('id', UuidParamPipe) caseId: string,
    @Body(new ZodValidationPipe(requestLeadTransferCommandSchema)) command: RequestLeadTransferCommand,
    @ActingAs('case:share') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<{ transferId: string }> {
    return this.refusals.guard(user, request, caseId, 'POST /intake/allegations/:id/lead-transfers', () =>
      this.handler.request(caseId, command, user, requestAuditContext(request)),
    );
  }

  @Post(':id/lead-transfers/:transferId/accept')
  @HttpCode(200)
  @RequirePermission('share:respond')
  @ApiOperation({ summary: 'The receiving entity takes over the lead; every service follows the new lead' })
  accept(
    @Param('id', UuidParamPipe) caseId: string,
    @Param('transferId', UuidParamPipe) transferId: string,
    @ActingAs('share:respond') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<{ leadEntity: string }> {
    return this.refusals.guard(
      user,
      request,
      caseId,
      'POST /intake/allegations/:id/lead-transfers/:transferId/accept',
      () => this.handler.accept(caseId, transferId, user, requestAuditContext(request)),
    );
  }
}
