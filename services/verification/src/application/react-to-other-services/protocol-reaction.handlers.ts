import { Injectable } from '@nestjs/common';
import { CaseAccessProjection, type CaseAccessEvent } from '@reprisals/case-access';
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
  private readonly projection = new CaseAccessProjection();

  constructor(private readonly runner: ProtocolReactionRunner) {}

  to<TEvent extends IntegrationEvent>(
    reactionTo: ReactionTo<TEvent>,
    options: { projectFirst?: boolean } = {},
  ): EventHandler<TEvent> {
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
          // The gates read the consent and protection projections: brought up to date under the
          // case's lock, no step can pass on what this event has just closed (idempotent: the
          // highest version wins, so the projection's own handler changes nothing after it).
          options.projectFirst
            ? () => this.projection.project(context.manager, event as unknown as CaseAccessEvent)
            : undefined,
        );
      },
    };
  }
}
