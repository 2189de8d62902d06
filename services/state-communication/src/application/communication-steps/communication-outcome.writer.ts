import { Injectable } from '@nestjs/common';
import { createEvent, type ActorRef, type IntegrationEvent } from '@reprisals/contracts';
import type { UnitOfWork } from '@reprisals/messaging';
import type { ActingUser } from '@reprisals/security';
import { DurableTimers } from '@reprisals/durable-timers';
import type { EntityManager } from 'typeorm';
import { streamOf, type CommunicationOutcome } from '../../domain/communication/communication-steps';
import { CommunicationRepository } from '../../infrastructure/persistence/communication.repository';

/** Publishes one of a communication's events in the caller's transaction. */
export type PublishCommunicationEvent = (
  definition: CommunicationOutcome['events'][number]['definition'],
  data: unknown,
) => IntegrationEvent;

/**
 * Records a communication's events in a unit of work, keyed by its case (or its call for input),
 * with the version of the rules its schedule was computed under (`fallbackPolicyVersion` before
 * it has one, e.g. the access policy that allowed a person's step).
 */
export function recordingIn(
  unit: UnitOfWork,
  communication: CommunicationOutcome['communication'],
  context: { actor: ActorRef; now: Date; fallbackPolicyVersion?: string },
): PublishCommunicationEvent {
  const policyVersion = communication.schedule?.policyVersion ?? context.fallbackPolicyVersion;
  return (definition, data) => {
    const event = createEvent(definition, data as never, {
      caseId: streamOf(communication),
      actor: context.actor,
      occurredAt: context.now,
      ...(policyVersion ? { policyVersion } : {}),
    });
    unit.record(event);
    return event;
  };
}

/**
 * Writes what a step on a communication decided, in its transaction: the document, its timers
 * set and cancelled, its events in the outbox. All of it commits, or none of it.
 */
@Injectable()
export class CommunicationOutcomeWriter {
  private readonly communications = new CommunicationRepository();
  private readonly timers = new DurableTimers();

  async apply(
    manager: EntityManager,
    outcome: CommunicationOutcome,
    publish: PublishCommunicationEvent,
    now: Date,
    options: { inserting?: boolean } = {},
  ): Promise<IntegrationEvent[]> {
    const { communication } = outcome;
    if (options.inserting) {
      if (!(await this.communications.insert(manager, communication, now))) return [];
    } else await this.communications.save(manager, communication, now);
    await this.timers.apply(
      manager,
      streamOf(communication),
      outcome.timers,
      `communication:${communication.status}`,
      now,
    );
    return outcome.events.map((event) => publish(event.definition, event.data));
  }

  /** What a person's step decided, its events by that person under the rules' version (or the access policy's). */
  async applyAs(
    unit: UnitOfWork,
    outcome: CommunicationOutcome,
    user: ActingUser,
    now: Date,
    options: { inserting?: boolean } = {},
  ): Promise<IntegrationEvent[]> {
    const actor = { kind: 'user' as const, sub: user.sub, role: user.role, entity: user.entity };
    return this.apply(
      unit.manager,
      outcome,
      recordingIn(unit, outcome.communication, { actor, now, fallbackPolicyVersion: user.policyVersion }),
      now,
      options,
    );
  }
}
