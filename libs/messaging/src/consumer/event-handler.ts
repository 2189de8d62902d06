import type { EntityManager } from 'typeorm';
import type { ActorRef, DataOf, EventDefinition, EventOf, IntegrationEvent } from '@reprisals/contracts';

/** What a handler may do while it reacts to an event: all inside one transaction with its inbox record. */
export interface HandlerContext {
  readonly manager: EntityManager;
  readonly now: Date;
  /**
   * Records an event caused by the one being handled. Causation, correlation and case
   * come from the handled event; the actor defaults to this service acting on its rules.
   * Returns the event as it will be published.
   */
  emit<TDef extends EventDefinition>(
    definition: TDef,
    data: DataOf<TDef>,
    options?: { policyVersion?: string; actor?: ActorRef; caseId?: string },
  ): EventOf<TDef>;
}

export interface EventHandler<TEvent extends IntegrationEvent = IntegrationEvent> {
  handle(event: TEvent, context: HandlerContext): Promise<void>;
}

/** One reaction of one service to one event type. `name` identifies it in the inbox and dead letters. */
export interface Subscription<TDef extends EventDefinition = EventDefinition> {
  readonly name: string;
  readonly event: TDef;
  readonly handler: EventHandler<EventOf<TDef>>;
}

/** Declares a subscription with the handler typed by its event. */
export function subscribe<TDef extends EventDefinition>(
  name: string,
  event: TDef,
  handler: EventHandler<EventOf<TDef>>,
): Subscription {
  return { name, event, handler };
}
