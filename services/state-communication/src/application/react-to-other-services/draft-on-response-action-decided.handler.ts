import { Injectable } from '@nestjs/common';
import type { ResponseActionDecidedEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { CommunicationPolicies } from '../../infrastructure/policy/communication-policies';
import { CommunicationOutcomeWriter } from '../communication-steps/communication-outcome.writer';
import { CommunicationDrafter } from '../draft-communication/communication.drafter';

/**
 * Verification decided a State-facing action that a kind of communication carries out: its draft
 * is prepared from the template, in English, for a liaison to review and a supervisor to approve.
 * Once per action, however often the event is delivered.
 */
@Injectable()
export class DraftOnResponseActionDecidedHandler implements EventHandler<ResponseActionDecidedEvent> {
  constructor(
    private readonly policies: CommunicationPolicies,
    private readonly drafter: CommunicationDrafter,
    private readonly writer: CommunicationOutcomeWriter,
  ) {}

  async handle(event: ResponseActionDecidedEvent, context: HandlerContext): Promise<void> {
    if (event.data.reach !== 'state') return;
    const kind = this.policies.inForce(context.now).kindFor(event.data.actionType);
    if (!kind) return;
    const outcome = await this.drafter.draft(
      context.manager,
      { caseId: event.data.caseId, kind, language: 'en', responseActionId: event.data.responseActionId },
      { kind: 'system' },
    );
    await this.writer.apply(
      context.manager,
      outcome,
      (definition, data) => context.emit(definition, data),
      context.now,
      { inserting: true },
    );
  }
}
