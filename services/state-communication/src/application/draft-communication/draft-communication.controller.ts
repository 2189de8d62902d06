import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, ZodValidationPipe } from '@reprisals/service-platform';
import { CommunicationStepRunner } from '../communication-steps/communication-step.runner';
import { communicationView, type CommunicationView } from '../read-communications/communication.view';
import { CommunicationDrafter } from './communication.drafter';
import { draftCommunicationSchema, type DraftCommunicationCommand } from './draft-communication.command';

@ApiTags('state-communication')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one the caller’s entity does not see' })
@Controller('state-communication/communications')
export class DraftCommunicationController {
  constructor(
    private readonly runner: CommunicationStepRunner,
    private readonly drafter: CommunicationDrafter,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('communication:draft')
  @ApiOperation({
    summary:
      'A State liaison of the lead entity drafts a communication to the State concerned from its template (the case’s non-identifying facts, the reply time of its kind)',
  })
  @ApiZodBody(draftCommunicationSchema, {
    caseId: '5f0c6a0e-2d7b-4c1e-9a55-3f1f2f0c9b11',
    kind: 'allegation-letter',
    language: 'fr',
  })
  async draft(
    @Body(new ZodValidationPipe(draftCommunicationSchema)) command: DraftCommunicationCommand,
    @ActingAs('communication:draft') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<CommunicationView> {
    const drafted = await this.runner.run(
      { caseId: command.caseId },
      user,
      request,
      'communication:draft',
      (_, context) =>
        this.drafter.draft(context.manager, { ...command, responseActionId: null }, context.actor),
    );
    return communicationView(drafted);
  }
}
