import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, UuidParamPipe } from '@reprisals/service-platform';
import { RefusalAuditor } from '../refusal.auditor';
import { RevokeShareHandler } from './revoke-share.handler';

@ApiTags('intake: sharing')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case or share, or a case led by another entity' })
@Controller('intake/allegations')
export class RevokeShareController {
  constructor(
    private readonly handler: RevokeShareHandler,
    private readonly refusals: RefusalAuditor,
  ) {}

  @Post(':id/shares/:shareId/revoke')
  @HttpCode(200)
  @RequirePermission('case:share')
  @ApiOperation({
    summary: 'The lead entity revokes a share, offered or accepted; it takes effect in every service',
  })
  revoke(
    @Param('id', UuidParamPipe) caseId: string,
    @Param('shareId', UuidParamPipe) shareId: string,
    @ActingAs('case:share') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<{ shareId: string; status: 'revoked' }> {
    return this.refusals.guard(
      user,
      request,
      caseId,
      'POST /intake/allegations/:id/shares/:shareId/revoke',
      () => this.handler.execute(caseId, shareId, user, requestAuditContext(request)),
    );
  }
}
