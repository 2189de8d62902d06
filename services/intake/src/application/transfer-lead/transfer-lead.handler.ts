import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { actingUserAudit, AuditTrail, type AuditEntry } from '@reprisals/audit';
import { CaseAccessProjection, CaseAccessReader } from '@reprisals/case-access';
import { createEvent, LeadTransferred, LeadTransferRequested } from '@reprisals/contracts';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import { AccessPolicy, type ActingUser } from '@reprisals/security';
import { consentBasisFor, ShareRefused } from '../../domain/case-share';
import { SharingConsentReader } from '../../infrastructure/consent/sharing-consent.reader';
import { acceptLeadTransfer, requestLeadTransfer } from '../../domain/lead-transfer';
import { AllegationEntity } from '../../infrastructure/persistence/allegation.entity';
import { currentLeadOf, lockCase } from '../../infrastructure/persistence/case-share.repository';
import { LeadTransferRecordEntity } from '../../infrastructure/persistence/lead-transfer-record.entity';
import {
  findRegisteredEntity,
  isActiveEntity,
} from '../../infrastructure/persistence/un-entity-registry.repository';
import { mayAnswerShares } from '../../domain/un-entity-registry';
import { CaseNotVisible } from '../case-share-refusal';
import { userEventContext } from '../user-event-context';

type RequestContext = Pick<AuditEntry, 'requestId' | 'traceId'>;

/** Hands the lead of a case to another entity: the lead asks, the receiving entity accepts; both sides audited. */
@Injectable()
export class TransferLeadHandler {
  private readonly reader = new CaseAccessReader();
  private readonly projection = new CaseAccessProjection();

  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly audit: AuditTrail,
    private readonly consent: SharingConsentReader,
    private readonly policy: AccessPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async request(
    caseId: string,
    command: { toEntity: string; overrideReason?: string | undefined },
    user: ActingUser,
    context: RequestContext,
  ): Promise<{ transferId: string }> {
    const { toEntity } = command;
    const now = this.clock.now();
    return this.messaging.outbox.run(async (unit) => {
      if (!(await lockCase(unit.manager, caseId))) throw new CaseNotVisible();
      const access = await this.reader.accessOf(unit.manager, caseId, user.entity, now);
      if (!access.visible || !access.leadEntity) throw new CaseNotVisible();
      if (!(await isActiveEntity(unit.manager, toEntity)))
        throw new ShareRefused('invalid', 'toEntity', 'is not an active UN entity of the registry');
      // The new lead gets the whole file: the same consent gate as a share.
      const consentBasis = consentBasisFor(
        await this.consent.consentOf(unit.manager, caseId),
        command.overrideReason
          ? {
              reason: command.overrideReason,
              permitted: this.policy.allows({ roles: user.roles }, 'consent:override'),
            }
          : undefined,
      );
      const transfer = requestLeadTransfer({
        transferId: randomUUID(),
        caseId,
        leadEntity: access.leadEntity,
        callerEntity: user.entity,
        toEntity,
      });
      await unit.manager.getRepository(LeadTransferRecordEntity).insert({
        ...transfer,
        consentBasis,
        overrideReason: consentBasis === 'supervisor-override' ? (command.overrideReason ?? null) : null,
        requestedBySub: user.sub,
        requestedAt: now,
        updatedAt: now,
      });
      unit.record(
        createEvent(
          LeadTransferRequested,
          {
            caseId,
            transferId: transfer.transferId,
            fromEntity: transfer.fromEntity,
            toEntity: transfer.toEntity,
          },
          userEventContext(caseId, user, now),
        ),
      );
      if (consentBasis === 'supervisor-override') {
        await this.audit.record(unit.manager, {
          ...actingUserAudit(user),
          ...context,
          action: 'consent:override',
          caseId,
          target: `lead-transfer:${transfer.transferId}`,
          outcome: 'allowed',
        });
      }
      await this.audit.record(unit.manager, {
        ...actingUserAudit(user),
        ...context,
        action: user.permission,
        caseId,
        target: `lead-transfer:${transfer.transferId}:requested`,
        outcome: 'allowed',
      });
      return { transferId: transfer.transferId };
    });
  }

  async accept(
    caseId: string,
    transferId: string,
    user: ActingUser,
    context: RequestContext,
  ): Promise<{ leadEntity: string }> {
    const now = this.clock.now();
    return this.messaging.outbox.run(async (unit) => {
      const row = (await lockCase(unit.manager, caseId))
        ? await unit.manager
            .getRepository(LeadTransferRecordEntity)
            .createQueryBuilder('transfer')
            .setLock('pessimistic_write')
            .where('transfer.transferId = :transferId AND transfer.caseId = :caseId', { transferId, caseId })
            .getOne()
        : null;
      if (!row) throw new ShareRefused('not-offered-to-you', 'transferId', 'no such transfer');
      const accepted = acceptLeadTransfer(
        row,
        user.entity,
        (await currentLeadOf(unit.manager, caseId)) ?? '',
      );
      // The same focal-point rule as for a share: once the receiving entity has designated focal
      // points, only they take a case over.
      const receiving = await findRegisteredEntity(unit.manager, accepted.toEntity);
      if (receiving && !mayAnswerShares(receiving, user.sub)) {
        throw new ShareRefused(
          'not-focal-point',
          'transferId',
          'only the entity’s designated focal points answer',
        );
      }
      // A withdrawal since the request takes effect: a transfer that rested on consent needs it still.
      if (row.consentBasis === 'consent') {
        consentBasisFor(await this.consent.consentOf(unit.manager, caseId), undefined);
      }
      await unit.manager
        .getRepository(LeadTransferRecordEntity)
        .update({ transferId }, { status: 'accepted', updatedAt: now });
      await unit.manager
        .getRepository(AllegationEntity)
        .update({ id: caseId }, { leadEntity: accepted.toEntity });
      const event = createEvent(
        LeadTransferred,
        { caseId, transferId, fromEntity: accepted.fromEntity, toEntity: accepted.toEntity },
        userEventContext(caseId, user, now),
      );
      unit.record(event);
      await this.projection.project(unit.manager, event);
      await this.audit.record(unit.manager, {
        ...actingUserAudit(user),
        ...context,
        action: user.permission,
        caseId,
        target: `lead-transfer:${transferId}:accepted`,
        outcome: 'allowed',
      });
      return { leadEntity: accepted.toEntity };
    });
  }
}
