import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, ZodValidationPipe } from '@reprisals/service-platform';
import { knownStates } from '@reprisals/un-states';
import { draftCallForInput } from '../../domain/call-for-input/call-for-input-steps';
import { CommunicationRefused } from '../../domain/communication/communication-refused';
import { CallForInputRepository } from '../../infrastructure/persistence/call-for-input.repository';
import { CommunicationPolicies } from '../../infrastructure/policy/communication-policies';
import { CommunicationTemplates } from '../../infrastructure/templates/communication-templates';
import { CallForInputRunner } from './call-for-input.runner';
import { callForInputView, type CallForInputView } from './call-for-input.view';
import { openCallForInputSchema, type OpenCallForInputCommand } from './open-call-for-input.command';

@ApiTags('state-communication')
@ApiBearerAuth()
@ApiProtectedRoute()
@Controller('state-communication/calls-for-input')
export class OpenCallForInputController {
  private readonly calls = new CallForInputRepository();

  constructor(
    private readonly runner: CallForInputRunner,
    private readonly templates: CommunicationTemplates,
    private readonly policies: CommunicationPolicies,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('communication:call-for-input')
  @ApiOperation({
    summary:
      'Drafts the call for input of a reporting period: one letter per State (every Member and Observer State, and the fictional ones in demo mode, unless `states` says which), each from its template; a supervisor approves the call, then it is sent',
  })
  @ApiZodBody(openCallForInputSchema, {
    periodFrom: '2026-05-01',
    periodTo: '2027-04-30',
    language: 'en',
    languageOf: { FRA: 'fr', NIC: 'es' },
  })
  @ApiConflictResponse({
    description: 'The period already has its call for input (`reason`: period-has-call)',
  })
  async open(
    @Body(new ZodValidationPipe(openCallForInputSchema)) command: OpenCallForInputCommand,
    @ActingAs('communication:call-for-input') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<CallForInputView> {
    let letters: Parameters<typeof callForInputView>[1] = [];
    const call = await this.runner.run(undefined, user, request, async (_current, context) => {
      const existing = await this.calls.referenceOverlapping(
        context.manager,
        command.periodFrom,
        command.periodTo,
      );
      if (existing)
        throw new CommunicationRefused(
          'period-has-call',
          `a day of this period is covered by the call for input ${existing}`,
        );
      const policy = this.policies.inForce(context.now);
      const rule = policy.document.kinds['call-for-input'];
      if (!rule)
        throw new CommunicationRefused(
          'unknown-kind',
          `${policy.version} has no rules for calls for input`,
          422,
        );
      const id = randomUUID();
      const reference = `CFI-${command.periodFrom}-${command.periodTo}`;
      // Every State the system knows: in demo mode the fictional ones too, the only ones with cases.
      const states = [...(command.states ?? knownStates().map((state) => state.alpha3))].sort();
      const outcome = draftCallForInput(
        { id, periodFrom: command.periodFrom, periodTo: command.periodTo },
        states.map((stateConcerned) => {
          const language = command.languageOf?.[stateConcerned] ?? command.language;
          return {
            id: randomUUID(),
            stateConcerned,
            kind: 'call-for-input' as const,
            language,
            ...this.templates.renderCallForInput(language, {
              reference,
              stateConcerned,
              replyDays: rule.replyDays,
              periodFrom: command.periodFrom,
              periodTo: command.periodTo,
            }),
          };
        }),
        context.actor,
        context.now,
      );
      letters = outcome.communications.map((letter) => letter.communication);
      return outcome;
    });
    // Just drafted: nothing is sent, so nothing is due yet whatever the day.
    return callForInputView(call, letters, call.draftedAt.slice(0, 10));
  }
}
