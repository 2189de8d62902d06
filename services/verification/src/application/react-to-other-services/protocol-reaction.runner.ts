import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@reprisals/audit';
import type { ActorRef, IntegrationEvent } from '@reprisals/contracts';
import type { EntityManager } from 'typeorm';
import type { ProtocolOutcome } from '../../domain/protocol-engine/protocol-outcome';
import type { ReactionContext } from '../../domain/protocol-engine/protocol-reactions';
import type { VerificationCase } from '../../domain/verification-case';
import { ProtocolPolicies } from '../../infrastructure/policy/protocol-policies';
import { VerificationCaseRepository } from '../../infrastructure/persistence/verification-case.repository';
import type { PublishProtocolEvent } from '../protocol-steps/protocol-outcome.writer';
import { ProtocolOutcomeWriter } from '../protocol-steps/protocol-outcome.writer';

/** What the protocol does on its own, given the case and its rules. */
export type ProtocolReaction = (current: VerificationCase, context: ReactionContext) => ProtocolOutcome;

/**
 * Runs a reaction of the protocol (to another service's event, or to one of its timers) in the
 * caller's transaction: the case is locked, decided under its own version of the rules, and
 * what changed is written with its events and audited as the service acting on its rules.
 */
@Injectable()
export class ProtocolReactionRunner {
  private readonly cases = new VerificationCaseRepository();

  constructor(
    private readonly policies: ProtocolPolicies,
    private readonly writer: ProtocolOutcomeWriter,
    private readonly audit: AuditTrail,
  ) {}

  async react(
    manager: EntityManager,
    caseId: string,
    now: Date,
    publish: (actor: ActorRef) => PublishProtocolEvent,
    reaction: ProtocolReaction,
    target: string,
    underLock?: () => Promise<void>,
  ): Promise<IntegrationEvent[]> {
    const current = await this.cases.lock(manager, caseId);
    // A case verification has not opened (its allegation not received yet) has nothing to react with.
    if (!current) return [];
    await underLock?.();
    const policy = this.policies.get(current.protocolVersion);
    if (!policy) throw new Error(`The case runs under ${current.protocolVersion}, which is not published`);
    const outcome = reaction(current, { policy, now });
    if (!outcome.decision) return [];
    const actor: ActorRef = { kind: 'system', service: 'verification', entity: current.leadEntity };
    const events = await this.writer.apply(manager, outcome, publish(actor), actor, now);
    await this.audit.record(manager, {
      actor,
      action: 'protocol:react',
      caseId,
      target,
      outcome: 'allowed',
      policyVersion: outcome.decision.policyVersion,
    });
    return events;
  }
}
