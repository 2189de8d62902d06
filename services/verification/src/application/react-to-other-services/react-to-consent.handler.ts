import { Injectable } from '@nestjs/common';
import { NO_CONSENT, type ConsentRecordedEvent, type ConsentWithdrawnEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { reactToConsent } from '../../domain/protocol-engine/protocol-reactions';
import { ProtocolReactionRunner } from './protocol-reaction.runner';
import { publishThrough } from './publish-through';

/** Consent changed in intake: the open actions it no longer allows are cancelled. */
@Injectable()
export class ReactToConsentRecordedHandler implements EventHandler<ConsentRecordedEvent> {
  constructor(private readonly runner: ProtocolReactionRunner) {}

  async handle(event: ConsentRecordedEvent, context: HandlerContext): Promise<void> {
    await this.runner.react(
      context.manager,
      event.data.caseId,
      context.now,
      publishThrough(context),
      (current) => reactToConsent(current, event.data.scopes, false),
      `consent:${event.data.consentVersion}`,
    );
  }
}

/** Consent was withdrawn: every open State-facing or public action is cancelled. */
@Injectable()
export class ReactToConsentWithdrawnHandler implements EventHandler<ConsentWithdrawnEvent> {
  constructor(private readonly runner: ProtocolReactionRunner) {}

  async handle(event: ConsentWithdrawnEvent, context: HandlerContext): Promise<void> {
    await this.runner.react(
      context.manager,
      event.data.caseId,
      context.now,
      publishThrough(context),
      (current) => reactToConsent(current, NO_CONSENT, true),
      `consent:${event.data.consentVersion}:withdrawn`,
    );
  }
}
