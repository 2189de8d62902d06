import { Injectable } from '@nestjs/common';
import type { CasesLinkedEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { reactToNewAct } from '../../domain/protocol-engine/protocol-reactions';
import { ProtocolReactionRunner } from './protocol-reaction.runner';
import { publishThrough } from './publish-through';

/** Another case concerns the same person: a new act against them escalates a case raised with the State. */
@Injectable()
export class ReactToLinkedCaseHandler implements EventHandler<CasesLinkedEvent> {
  constructor(private readonly runner: ProtocolReactionRunner) {}

  async handle(event: CasesLinkedEvent, context: HandlerContext): Promise<void> {
    await this.runner.react(
      context.manager,
      event.data.caseId,
      context.now,
      publishThrough(context),
      (current, rules) => reactToNewAct(current, rules),
      `linked-case:${event.data.linkId}`,
    );
  }
}
