import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, UuidParamPipe, ZodValidationPipe } from '@reprisals/service-platform';
import { recordReply } from '../../domain/communication/communication-steps';
import { CommunicationStepRunner } from '../communication-steps/communication-step.runner';
import { communicationView, type CommunicationView } from '../read-communications/communication.view';
import { recordReplySchema, type RecordReplyCommand } from './record-reply.command';

@ApiTags('state-communication')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such communication, or one of a case the caller’s entity does not see' })
@Controller('state-communication/communications')
export class RecordReplyController {
  constructor(private readonly runner: CommunicationStepRunner) {}

  @Post(':id/replies')
  @HttpCode(201)
  @RequirePermission('communication:record-reply')
  @ApiOperation({
    summary:
      'Records the State’s reply: pending reminders and the missed deadline are cancelled in the same step; ReplyReceived tells verification and reporting',
  })
  @ApiZodBody(recordReplySchema, {
    type: 'information-on-measures-taken',
    receivedOn: '2026-12-10',
    language: 'fr',
    assessment: 'partially-responsive',
  })
  @ApiUnprocessableEntityResponse({
    description: 'Received before the communication was sent, or in the future',
  })
  async record(
    @Param('id', UuidParamPipe) communicationId: string,
    @Body(new ZodValidationPipe(recordReplySchema)) command: RecordReplyCommand,
    @ActingAs('communication:record-reply') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<CommunicationView> {
    const replied = await this.runner.run(
      { communicationId },
      user,
      request,
      'communication:record-reply',
      async (current, context) =>
        recordReply(
          current!,
          { id: randomUUID(), ...command, assessment: command.assessment ?? null, recordedBy: context.actor },
          context.now,
        ),
    );
    return communicationView(replied);
  }
}
