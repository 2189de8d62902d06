import { Injectable } from '@nestjs/common';
import type { ProtectionRiskFlaggedEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { reactToProtectionFlag } from '../../domain/protocol-engine/protocol-reactions';
import { ProtocolReactionRunner } from './protocol-reaction.runner';
import { publishThrough } from './publish-through';

/** A protection risk was flagged: proposals that would reach the State or the public are cancelled. */
@Injectable()
export class ReactToProtectionFlagHandler implements EventHandler<ProtectionRiskFlaggedEvent> {
  constructor(private readonly runner: ProtocolReactionRunner) {}

  async handle(event: ProtectionRiskFlaggedEvent, context: HandlerContext): Promise<void> {
    await this.runner.react(
      context.manager,
      event.data.caseId,
      context.now,
      publishThrough(context),
      (current) => reactToProtectionFlag(current),
      `protection-risk:${event.data.flagVersion}`,
    );
  }
}
