import type { ActorRef } from '@reprisals/contracts';
import type { HandlerContext } from '@reprisals/messaging';
import type { PublishProtocolEvent } from '../protocol-steps/protocol-outcome.writer';

/** Publishes a reaction's events as caused by the event being handled. */
export const publishThrough =
  (context: HandlerContext) =>
  (actor: ActorRef): PublishProtocolEvent =>
  (definition, data, policyVersion) =>
    context.emit(definition, data, { policyVersion, actor });
