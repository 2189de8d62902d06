import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import { runRefusable } from '@reprisals/service-platform';
import { CaseAccessReader, CaseDisclosureReader } from '@reprisals/case-access';
import { createEvent, type ActorRef } from '@reprisals/contracts';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import { retryOnConflict } from '@reprisals/persistence';
import { AccessPolicy, type ActingUser } from '@reprisals/security';
import type { EntityManager } from 'typeorm';
import type { StepContext } from '../../domain/protocol-engine/protocol-command';
import type { ProtocolOutcome } from '../../domain/protocol-engine/protocol-outcome';
import type { VerificationCase } from '../../domain/verification-case';
import { ProtocolPolicies } from '../../infrastructure/policy/protocol-policies';
import { VerificationCaseRepository } from '../../infrastructure/persistence/verification-case.repository';
import { ProtocolOutcomeWriter } from './protocol-outcome.writer';
import { CaseNotVisible, protocolRefusal } from './protocol-refusal';

/** What a person's step decides, given the case and what the engine reads. */
export type PersonStep = (current: VerificationCase, context: StepContext) => ProtocolOutcome;

/**
 * Runs a person's step on a case in one transaction: the case is locked, must be visible to the
 * caller's entity (404 otherwise), and is decided by the engine under the case's version of
 * the rules, with what consent and protection allow right now. The outcome, its events and its
 * audit record commit together. A refusal changes nothing, is audited as denied and answered
 * with the gate that refused it.
 */
@Injectable()
export class ProtocolStepRunner {
  private readonly cases = new VerificationCaseRepository();
  private readonly access = new CaseAccessReader();
  private readonly disclosure = new CaseDisclosureReader();

  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly policies: ProtocolPolicies,
    private readonly accessPolicy: AccessPolicy,
    private readonly writer: ProtocolOutcomeWriter,
  ) {}

  /** A step on the case `caseId`, or on the case an approval belongs to (`approvalId`). */
  async run(
    on: { caseId: string } | { approvalId: string },
    user: ActingUser,
    request: IncomingMessage,
    target: string,
    decide: PersonStep,
  ): Promise<VerificationCase> {
    const now = this.clock.now();
    let caseId = 'caseId' in on ? on.caseId : undefined;
    return runRefusable(
      this.audit,
      { user, request, target, caseId: () => caseId },
      // A timer firing on the same case takes its locks in the other order: a deadlock aborts one
      // side, and a step aborted that way is simply taken again.
      () =>
        retryOnConflict(() =>
          this.messaging.outbox.run(async (unit) => {
            caseId ??= await this.cases.caseOfApproval(
              unit.manager,
              (on as { approvalId: string }).approvalId,
            );
            if (!caseId) throw new CaseNotVisible();
            const current = await this.visibleCase(unit.manager, caseId, user, now);
            const context = await this.contextFor(unit.manager, current, user, now);
            const outcome = decide(current, context);
            const actor: ActorRef = { kind: 'user', sub: user.sub, entity: user.entity, role: user.role };
            const id = caseId;
            await this.writer.apply(
              unit.manager,
              outcome,
              (definition, data, policyVersion) => {
                const event = createEvent(definition, data, {
                  caseId: id,
                  actor,
                  occurredAt: now,
                  policyVersion,
                });
                unit.record(event);
                return event;
              },
              actor,
              now,
            );
            await this.audit.record(unit.manager, {
              ...actingUserAudit(user),
              ...requestAuditContext(request),
              action: user.permission,
              caseId: id,
              target,
              outcome: 'allowed',
              policyVersion: outcome.case.protocolVersion,
            });
            return outcome.case;
          }),
        ),
      protocolRefusal,
    );
  }

  /** The case with the lead it has now (a lead transfer moves it), or CaseNotVisible. */
  private async visibleCase(
    manager: EntityManager,
    caseId: string,
    user: ActingUser,
    now: Date,
  ): Promise<VerificationCase> {
    const stored = await this.cases.lock(manager, caseId);
    if (!stored) throw new CaseNotVisible();
    const access = await this.access.accessOf(manager, caseId, user.entity, now);
    if (!access.visible) throw new CaseNotVisible();
    return { ...stored, leadEntity: access.leadEntity ?? stored.leadEntity };
  }

  private async contextFor(
    manager: EntityManager,
    current: VerificationCase,
    user: ActingUser,
    now: Date,
  ): Promise<StepContext> {
    const policy = this.policies.get(current.protocolVersion);
    if (!policy) throw new Error(`The case runs under ${current.protocolVersion}, which is not published`);
    const disclosure = await this.disclosure.disclosureOf(manager, current.caseId);
    return {
      policy,
      policies: this.policies,
      caller: {
        sub: user.sub,
        entity: user.entity,
        role: user.role,
        permissions: [...this.accessPolicy.permissionsOf({ roles: user.roles })],
      },
      now,
      disclosure: { consent: disclosure.consent, withheld: disclosure.protection.withheld },
      newId: randomUUID,
    };
  }
}
