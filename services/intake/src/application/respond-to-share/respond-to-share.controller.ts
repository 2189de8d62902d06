import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, UuidParamPipe } from '@reprisals/service-platform';
import { RefusalAuditor } from '../refusal.auditor';
import { RespondToShareHandler } from './respond-to-share.handler';

type Answer = { shareId: string; status: 'accepted' | 'declined' };

@ApiTags('intake: sharing')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No share of this case offered to the caller’s entity' })
@Controller('intake/allegations')
export class RespondToShareController {
  constructor(
    private readonly handler: RespondToShareHandler,
    private readonly refusals: RefusalAuditor,
  ) {}

  @Post(':id/shares/:shareId/accept')
  @HttpCode(200)
  @RequirePermission('share:respond')
  @ApiOperation({
    summary: 'The receiving entity accepts a share offered to it: from then on it sees the case',
  })
  accept(
    @Param('id', UuidParamPipe) caseId: string,
    @Param('shareId', UuidParamPipe) shareId: string,
    @ActingAs('share:respond') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<Answer> {
    return this.answer(caseId, shareId, 'accepted', user, request);
  }

  @Post(':id/shares/:shareId/decline')
  @HttpCode(200)
  @RequirePermission('share:respond')
  @ApiOperation({ summary: 'The receiving entity declines a share offered to it' })
  decline(
    @Param('id', UuidParamPipe) caseId: string,
    @Param('shareId', UuidParamPipe) shareId: string,
    @ActingAs('share:respond') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<Answer> {
    return this.answer(caseId, shareId, 'declined', user, request);
  }

  private answer(
    caseId: string,
    shareId: string,
    answer: 'accepted' | 'declined',
    user: ActingUser,
    request: IncomingMessage,
  ): Promise<Answer> {
    return this.refusals.guard(
      user,
      request,
      caseId,
      `POST /intake/allegations/:id/shares/:shareId/${answer}`,
      () => this.handler.execute(caseId, shareId, answer, user, requestAuditContext(request)),
    );
  }
}
