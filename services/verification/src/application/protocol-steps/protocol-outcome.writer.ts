import { Injectable } from '@nestjs/common';
import type { ActorRef, DataOf, EventDefinition, IntegrationEvent } from '@reprisals/contracts';
import { DurableTimers } from '@reprisals/durable-timers';
import type { EntityManager } from 'typeorm';
import type { ProtocolOutcome } from '../../domain/protocol-engine/protocol-outcome';
import { ProtocolDecisionEntity } from '../../infrastructure/persistence/protocol-decision.entity';
import { VerificationCaseRepository } from '../../infrastructure/persistence/verification-case.repository';

/** Publishes one of the protocol's events in the caller's transaction and returns it. */
export type PublishProtocolEvent = <TDef extends EventDefinition>(
  definition: TDef,
  data: DataOf<TDef>,
  policyVersion: string,
) => IntegrationEvent;

/**
 * Writes what a protocol step decided, in the transaction that took it: the case's new state,
 * its timers set and cancelled, its events (in the outbox, under the version of the rules that
 * allowed them) and the append-only record of the decision. All of it commits, or none of it.
 */
@Injectable()
export class ProtocolOutcomeWriter {
  private readonly cases = new VerificationCaseRepository();
  private readonly timers = new DurableTimers();

  async apply(
    manager: EntityManager,
    outcome: ProtocolOutcome,
    publish: PublishProtocolEvent,
    actor: ActorRef,
    now: Date,
  ): Promise<IntegrationEvent[]> {
    const { decision } = outcome;
    if (!decision) return [];
    const current = outcome.case;
    await this.cases.save(manager, current, now);
    await this.timers.apply(
      manager,
      current.caseId,
      outcome.timers,
      `${decision.step}${decision.outcome ? `:${decision.outcome}` : ''}`,
      now,
    );
    const events = outcome.events.map((event) =>
      publish(event.definition, event.data, decision.policyVersion),
    );
    await manager.getRepository(ProtocolDecisionEntity).insert({
      caseId: current.caseId,
      step: decision.step,
      fromStage: decision.fromStage,
      toStage: decision.toStage,
      policyVersion: decision.policyVersion,
      outcome: decision.outcome,
      subjectId: decision.subjectId,
      actorKind: actor.kind,
      actorSub: actor.kind === 'user' ? actor.sub : null,
      actorRole: actor.kind === 'user' ? actor.role : null,
      actorEntity: actor.entity ?? null,
      eventIds: events.map((event) => event.metadata.eventId),
      decidedAt: now,
    });
    return events;
  }
}
