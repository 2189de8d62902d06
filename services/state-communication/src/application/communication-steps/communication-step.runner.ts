import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import { runRefusable } from '@reprisals/service-platform';
import { CaseAccessReader, CaseDisclosureReader, type CaseDisclosureView } from '@reprisals/case-access';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import { retryOnConflict } from '@reprisals/persistence';
import type { ActingUser } from '@reprisals/security';
import type { EntityManager } from 'typeorm';
import {
  isSentTo,
  type CallForInputOf,
  type Communication,
  type CommunicationActor,
} from '../../domain/communication/communication';
import type { CommunicationOutcome } from '../../domain/communication/communication-steps';
import { CommunicationRefused } from '../../domain/communication/communication-refused';
import { CommunicationRepository } from '../../infrastructure/persistence/communication.repository';
import { CommunicationOutcomeWriter } from './communication-outcome.writer';
import { CommunicationNotVisible, communicationRefusal } from './communication-refusal';

export interface PersonStepContext {
  manager: EntityManager;
  actor: Extract<CommunicationActor, { kind: 'user' }>;
  now: Date;
  disclosure: () => Promise<CaseDisclosureView>;
}

/**
 * Runs a person's step in one transaction: the communication (or, for a new one, its case) is
 * locked and must be visible to the caller's entity, and only its lead entity acts on it. The
 * outcome, its events and its audit record commit together; a refusal changes nothing, is
 * audited as denied and answered with its reason.
 */
@Injectable()
export class CommunicationStepRunner {
  private readonly communications = new CommunicationRepository();
  private readonly access = new CaseAccessReader();
  private readonly disclosures = new CaseDisclosureReader();

  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly writer: CommunicationOutcomeWriter,
  ) {}

  async run(
    on: { communicationId: string; by?: 'permanent-mission' } | { caseId: string },
    user: ActingUser,
    request: IncomingMessage,
    target: string,
    decide: (current: Communication | undefined, context: PersonStepContext) => Promise<CommunicationOutcome>,
  ): Promise<Communication> {
    const now = this.clock.now();
    let caseId = 'caseId' in on ? on.caseId : undefined;
    return runRefusable(
      this.audit,
      { user, request, target, caseId: () => caseId },
      () =>
        retryOnConflict(() =>
          this.messaging.outbox.run(async (unit) => {
            const current =
              'communicationId' in on
                ? await this.communications.lock(unit.manager, on.communicationId)
                : undefined;
            if ('communicationId' in on && !current) throw new CommunicationNotVisible();
            caseId = current ? (current.caseId ?? undefined) : caseId;
            if ('by' in on && on.by === 'permanent-mission') {
              // A Permanent Mission acts only on what was sent to its own State.
              if (!current || !isSentTo(current, user.entity)) throw new CommunicationNotVisible();
            } else if (caseId !== undefined) await this.expectLead(unit.manager, caseId, user, now);
            else if (current?.callForInput) expectCallOfOwnEntity(current.callForInput, user, target);
            const actor = { kind: 'user' as const, sub: user.sub, role: user.role, entity: user.entity };
            const outcome = await decide(current, {
              manager: unit.manager,
              actor,
              now,
              disclosure: () =>
                caseId === undefined
                  ? Promise.reject(new Error('A call for input has no case to disclose'))
                  : this.disclosures.disclosureOf(unit.manager, caseId),
            });
            await this.writer.applyAs(unit, outcome, user, now, { inserting: current === undefined });
            await this.audit.record(unit.manager, {
              ...actingUserAudit(user),
              ...requestAuditContext(request),
              action: user.permission,
              caseId,
              target: `${target}:${outcome.communication.id}`,
              outcome: 'allowed',
            });
            return outcome.communication;
          }),
        ),
      communicationRefusal,
    );
  }

  /** The case must be visible to the caller's entity, and only its lead entity writes to the State. */
  private async expectLead(
    manager: EntityManager,
    caseId: string,
    user: ActingUser,
    now: Date,
  ): Promise<void> {
    const access = await this.access.accessOf(manager, caseId, user.entity, now);
    if (!access.visible) throw new CommunicationNotVisible();
    if (access.leadEntity !== user.entity)
      throw new CommunicationRefused(
        'not-lead',
        'only the lead entity writes to the State about a case',
        403,
      );
  }
}

/**
 * A State's letter of a call for input is steered by the entity that sends the call, and only
 * through the call (approved and sent with it); its replies are recorded here.
 */
function expectCallOfOwnEntity(call: CallForInputOf, user: ActingUser, target: string): void {
  if (call.entity !== user.entity) throw new CommunicationNotVisible();
  if (target === 'communication:approve' || target === 'communication:send')
    throw new CommunicationRefused(
      'part-of-call-for-input',
      `this letter is approved and sent with its call for input (/state-communication/calls-for-input/${call.id})`,
    );
}
