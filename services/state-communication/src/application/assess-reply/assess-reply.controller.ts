import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, UuidParamPipe, ZodValidationPipe } from '@reprisals/service-platform';
import { REPLY_ASSESSMENTS } from '../../domain/communication/communication';
import { assessReply } from '../../domain/communication/communication-steps';
import { CommunicationStepRunner } from '../communication-steps/communication-step.runner';
import { communicationView, type CommunicationView } from '../read-communications/communication.view';

const assessReplySchema = z.strictObject({
  assessment: z.enum(REPLY_ASSESSMENTS).describe('responsive, partially-responsive or not-responsive'),
});

@ApiTags('state-communication')
@ApiBearerAuth()
@ApiProtectedRoute({
  notFound: 'No such communication or reply, or one of a case the caller’s entity does not see',
})
@Controller('state-communication/communications')
export class AssessReplyController {
  constructor(private readonly runner: CommunicationStepRunner) {}

  @Post(':id/replies/:replyId/assessment')
  @HttpCode(200)
  @RequirePermission('communication:record-reply')
  @ApiOperation({ summary: 'The liaison assesses a reply the Permanent Mission posted itself' })
  @ApiZodBody(assessReplySchema, { assessment: 'partially-responsive' })
  @ApiConflictResponse({ description: 'The reply was assessed already (`reason`: already-assessed)' })
  async assess(
    @Param('id', UuidParamPipe) communicationId: string,
    @Param('replyId', UuidParamPipe) replyId: string,
    @Body(new ZodValidationPipe(assessReplySchema)) command: z.infer<typeof assessReplySchema>,
    @ActingAs('communication:record-reply') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<CommunicationView> {
    const assessed = await this.runner.run(
      { communicationId },
      user,
      request,
      'communication:record-reply',
      async (current, context) =>
        assessReply(current!, replyId, command.assessment, context.actor, context.now),
    );
    return communicationView(assessed);
  }
}
