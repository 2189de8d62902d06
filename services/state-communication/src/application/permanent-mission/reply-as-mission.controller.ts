import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { stateReplyTypeSchema } from '@reprisals/contracts';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, UuidParamPipe, ZodValidationPipe } from '@reprisals/service-platform';
import { recordReply } from '../../domain/communication/communication-steps';
import { CommunicationStepRunner } from '../communication-steps/communication-step.runner';
import { missionCommunicationView, type MissionCommunicationView } from './mission-communication.view';
import { missionStateOf } from './mission-state';

const missionReplySchema = z.strictObject({
  type: stateReplyTypeSchema.describe(
    'acknowledgement, substantive-reply, rejection-of-allegation, information-on-measures-taken, request-for-clarification',
  ),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'must be a two-letter language code')
    .describe('The language of the reply'),
});

/** A Permanent Mission replies through the API: received today, assessed later by a liaison. */
@ApiTags('permanent-mission')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such communication sent to the caller’s State' })
@Controller('state-communication/mission/communications')
export class ReplyAsMissionController {
  constructor(private readonly runner: CommunicationStepRunner) {}

  @Post(':id/replies')
  @HttpCode(201)
  @RequirePermission('mission:reply')
  @ApiOperation({
    summary:
      'The Permanent Mission replies to a communication sent to its State: recorded as received today, it cancels the pending reminders and tells verification and reporting (ReplyReceived)',
  })
  @ApiZodBody(missionReplySchema, { type: 'substantive-reply', language: 'es' })
  async reply(
    @Param('id', UuidParamPipe) communicationId: string,
    @Body(new ZodValidationPipe(missionReplySchema)) command: z.infer<typeof missionReplySchema>,
    @ActingAs('mission:reply') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<MissionCommunicationView> {
    missionStateOf(user);
    const replied = await this.runner.run(
      { communicationId, by: 'permanent-mission' },
      user,
      request,
      'mission:reply',
      async (current, context) =>
        recordReply(
          current!,
          {
            id: randomUUID(),
            ...command,
            receivedOn: context.now.toISOString().slice(0, 10),
            assessment: null,
            recordedBy: context.actor,
          },
          context.now,
        ),
    );
    return missionCommunicationView(replied);
  }
}
