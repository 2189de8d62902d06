import { Injectable } from '@nestjs/common';
import type { IntegrationEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { ProtocolReactionRunner, type ProtocolReaction } from './protocol-reaction.runner';
import { publishThrough } from './publish-through';

/** How the protocol reacts to one event: the reaction, and the audit target naming its cause. */
export type ReactionTo<TEvent extends IntegrationEvent> = (event: TEvent) => {
  reaction: ProtocolReaction;
  target: string;
};

/**
 * Makes the handler of a reaction to another service's event: the event's case is decided by
 * the engine in the handler's transaction, its events published as caused by the event.
 */
@Injectable()
export class ProtocolReactionHandlers {
  constructor(private readonly runner: ProtocolReactionRunner) {}

  to<TEvent extends IntegrationEvent>(reactionTo: ReactionTo<TEvent>): EventHandler<TEvent> {
    return {
      handle: async (event: TEvent, context: HandlerContext): Promise<void> => {
        const { reaction, target } = reactionTo(event);
        await this.runner.react(
          context.manager,
          event.metadata.caseId,
          context.now,
          publishThrough(context),
          reaction,
          target,
        );
      },
    };
  }
}
