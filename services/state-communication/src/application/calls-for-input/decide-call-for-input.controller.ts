import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, UuidParamPipe, ZodValidationPipe } from '@reprisals/service-platform';
import type { Communication } from '../../domain/communication/communication';
import {
  approveCallForInput,
  dispatchCallForInput,
  type CallForInputOutcome,
} from '../../domain/call-for-input/call-for-input-steps';
import { CommunicationTimers } from '../../infrastructure/timers/communication-timers';
import type { CallForInput } from '../../domain/call-for-input/call-for-input';
import { CallForInputRunner, type CallStepContext } from './call-for-input.runner';
import { callForInputView, type CallForInputView } from './call-for-input.view';

const noBodySchema = z.strictObject({});

@ApiTags('state-communication')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such call for input' })
@Controller('state-communication/calls-for-input')
export class DecideCallForInputController {
  constructor(
    private readonly runner: CallForInputRunner,
    private readonly timers: CommunicationTimers,
  ) {}

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('communication:approve')
  @ApiOperation({
    summary: 'A supervisor other than its drafter approves the call and every State’s letter (four eyes)',
  })
  @ApiZodBody(noBodySchema, {})
  @ApiConflictResponse({ description: 'Not a draft, or approved by its drafter (`reason`)' })
  async approve(
    @Param('id', UuidParamPipe) callId: string,
    @Body(new ZodValidationPipe(noBodySchema)) _body: Record<string, never>,
    @ActingAs('communication:approve') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<CallForInputView> {
    return this.step(callId, user, request, (current, actor, now) =>
      approveCallForInput(current.call, current.letters, actor, now),
    );
  }

  @Post(':id/dispatch')
  @HttpCode(202)
  @RequirePermission('communication:send')
  @ApiOperation({
    summary:
      'A State liaison sends the approved call: each State’s letter leaves on its own dispatch timer (retried if delivery fails, never sent twice), with its own reply deadline and reminders',
  })
  @ApiZodBody(noBodySchema, {})
  @ApiConflictResponse({ description: 'Not approved yet, or sent already (`reason`)' })
  async dispatch(
    @Param('id', UuidParamPipe) callId: string,
    @Body(new ZodValidationPipe(noBodySchema)) _body: Record<string, never>,
    @ActingAs('communication:send') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<CallForInputView> {
    const view = await this.step(callId, user, request, (current, actor, now) =>
      dispatchCallForInput(current.call, current.letters, actor, now),
    );
    this.timers.scheduler.kick();
    return view;
  }

  private async step(
    callId: string,
    user: ActingUser,
    request: IncomingMessage,
    decide: CallStep,
  ): Promise<CallForInputView> {
    let letters: Communication[] = [];
    let today = '';
    const call = await this.runner.run(callId, user, request, async (current, context) => {
      today = context.now.toISOString().slice(0, 10);
      const outcome = decide(current!, context.actor, context.now);
      const changed = new Map(
        outcome.communications.map((letter) => [letter.communication.id, letter.communication]),
      );
      letters = current!.letters.map((letter) => changed.get(letter.id) ?? letter);
      return outcome;
    });
    return callForInputView(call, letters, today);
  }
}

/** A step on a call, over the call and its letters as they stand. */
type CallStep = (
  current: { call: CallForInput; letters: Communication[] },
  actor: CallStepContext['actor'],
  now: Date,
) => CallForInputOutcome;
