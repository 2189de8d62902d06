import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, UuidParamPipe, ZodValidationPipe } from '@reprisals/service-platform';
import { approveCommunication, requestDispatch } from '../../domain/communication/communication-steps';
import { CommunicationTimers } from '../../infrastructure/timers/communication-timers';
import { CommunicationStepRunner } from '../communication-steps/communication-step.runner';
import { communicationView, type CommunicationView } from '../read-communications/communication.view';

const noBodySchema = z.strictObject({});

@ApiTags('state-communication')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such communication, or one of a case the caller’s entity does not see' })
@Controller('state-communication/communications')
export class DecideCommunicationController {
  constructor(
    private readonly runner: CommunicationStepRunner,
    private readonly timers: CommunicationTimers,
  ) {}

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('communication:approve')
  @ApiOperation({
    summary: 'A supervisor of the lead entity, other than its drafter, approves a draft (four eyes)',
  })
  @ApiZodBody(noBodySchema, {})
  @ApiConflictResponse({ description: 'Not a draft, or approved by its drafter (`reason`)' })
  async approve(
    @Param('id', UuidParamPipe) communicationId: string,
    @Body(new ZodValidationPipe(noBodySchema)) _body: Record<string, never>,
    @ActingAs('communication:approve') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<CommunicationView> {
    const approved = await this.runner.run(
      { communicationId },
      user,
      request,
      'communication:approve',
      async (current, context) => approveCommunication(current!, context.actor, context.now),
    );
    return communicationView(approved);
  }

  @Post(':id/dispatch')
  @HttpCode(202)
  @RequirePermission('communication:send')
  @ApiOperation({
    summary:
      'A State liaison sends an approved communication: consent and protection are checked now; it leaves at once on the dispatch timer (retried if delivery fails, never sent twice)',
  })
  @ApiZodBody(noBodySchema, {})
  @ApiConflictResponse({
    description:
      'Not approved, consent does not allow it, or a protection risk withholds the case (`reason`)',
  })
  async dispatch(
    @Param('id', UuidParamPipe) communicationId: string,
    @Body(new ZodValidationPipe(noBodySchema)) _body: Record<string, never>,
    @ActingAs('communication:send') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<CommunicationView> {
    const requested = await this.runner.run(
      { communicationId },
      user,
      request,
      'communication:send',
      async (current, context) => {
        const disclosure = await context.disclosure();
        return requestDispatch(
          current!,
          { raiseWithState: disclosure.raiseWithState, withheld: disclosure.protection.withheld },
          context.actor,
          context.now,
        );
      },
    );
    this.timers.scheduler.kick();
    return communicationView(requested);
  }
}
