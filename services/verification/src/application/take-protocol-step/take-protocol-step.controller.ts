import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, UuidParamPipe, ZodValidationPipe } from '@reprisals/service-platform';
import { takeStep } from '../../domain/protocol-engine/take-step';
import { ProtocolStepRunner } from '../protocol-steps/protocol-step.runner';
import { VerificationCaseReader } from '../verification-case.reader';
import type { VerificationCaseView } from '../verification-case.view';
import {
  protocolCommandOf,
  takeProtocolStepSchema,
  type TakeProtocolStepBody,
} from './take-protocol-step.command';

@ApiTags('verification')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one the caller’s entity does not see' })
@Controller('verification/cases')
export class TakeProtocolStepController {
  constructor(
    private readonly runner: ProtocolStepRunner,
    private readonly reader: VerificationCaseReader,
  ) {}

  @Post(':id/transitions')
  @HttpCode(200)
  @RequirePermission('verification:screen')
  @ApiOperation({
    summary:
      'Takes one step of the response protocol (screening, risk, corroboration, conclusion, response actions, closing, adopting a version). ' +
      'The route admits those who take part in verification; each step then needs the performer the case’s protocol version names, ' +
      'and passes its gates (consent, protection, four eyes) or is refused with the gate and what would satisfy it.',
  })
  @ApiZodBody(takeProtocolStepSchema, { action: 'assess-risk', risk: 'high', urgency: 'urgent' })
  @ApiConflictResponse({
    description: 'The stage or a gate refuses the step: `gate` names it, `satisfiedBy` says what would pass',
  })
  @ApiUnprocessableEntityResponse({ description: 'The step names something the case does not have' })
  async take(
    @Param('id', UuidParamPipe) caseId: string,
    @Body(new ZodValidationPipe(takeProtocolStepSchema)) body: TakeProtocolStepBody,
    @ActingAs('verification:screen') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<VerificationCaseView> {
    const command = protocolCommandOf(body);
    const after = await this.runner.run(
      { caseId },
      user,
      request,
      `step:${command.action}`,
      (current, context) => takeStep(current, command, context),
    );
    return this.reader.viewOf(after);
  }
}
