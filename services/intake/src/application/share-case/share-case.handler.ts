import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { actingUserAudit, AuditTrail, type AuditEntry } from '@reprisals/audit';
import { CaseAccessProjection, CaseAccessReader } from '@reprisals/case-access';
import { CaseShared, createEvent } from '@reprisals/contracts';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import { AccessPolicy, type ActingUser } from '@reprisals/security';
import { offerShare, ShareRefused } from '../../domain/case-share';
import { SharingConsentReader } from '../../infrastructure/consent/sharing-consent.reader';
import { CaseShareRecordEntity } from '../../infrastructure/persistence/case-share-record.entity';
import { lockCase } from '../../infrastructure/persistence/case-share.repository';
import { isActiveEntity } from '../../infrastructure/persistence/un-entity-registry.repository';
import { CaseNotVisible } from '../case-share-refusal';
import type { ShareCaseCommand } from './share-case.command';
import { userEventContext } from '../user-event-context';

/** Offers a case to another UN entity: the share, its event, the access projection and the audit commit together. */
@Injectable()
export class ShareCaseHandler {
  private readonly reader = new CaseAccessReader();
  private readonly projection = new CaseAccessProjection();

  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly audit: AuditTrail,
    private readonly consent: SharingConsentReader,
    private readonly policy: AccessPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    caseId: string,
    command: ShareCaseCommand,
    user: ActingUser,
    request: Pick<AuditEntry, 'requestId' | 'traceId'>,
  ): Promise<{ shareId: string }> {
    const now = this.clock.now();
    return this.messaging.outbox.run(async (unit) => {
      if (!(await lockCase(unit.manager, caseId))) throw new CaseNotVisible();
      const access = await this.reader.accessOf(unit.manager, caseId, user.entity, now);
      if (!access.visible || !access.leadEntity) throw new CaseNotVisible();
      if (!(await isActiveEntity(unit.manager, command.entity))) {
        throw new ShareRefused('invalid', 'entity', 'is not an active UN entity of the registry');
      }
      const override = command.overrideReason
        ? {
            reason: command.overrideReason,
            permitted: this.policy.allows({ roles: user.roles }, 'consent:override'),
          }
        : undefined;
      const share = offerShare({
        shareId: randomUUID(),
        caseId,
        leadEntity: access.leadEntity,
        callerEntity: user.entity,
        entity: command.entity,
        scope: command.scope,
        expiresAt: command.expiresAt ? new Date(command.expiresAt) : null,
        consent: await this.consent.consentOf(unit.manager, caseId),
        override,
        now,
      });
      await unit.manager.getRepository(CaseShareRecordEntity).insert({
        ...share,
        purpose: command.purpose,
        overrideReason:
          share.consentBasis === 'supervisor-override' ? (command.overrideReason ?? null) : null,
        offeredBySub: user.sub,
        offeredAt: now,
        updatedAt: now,
      });
      const event = createEvent(
        CaseShared,
        {
          caseId,
          shareId: share.shareId,
          leadEntity: share.leadEntity,
          entity: share.entity,
          scope: share.scope,
          ...(share.expiresAt ? { expiresAt: share.expiresAt.toISOString() } : {}),
          consentBasis: share.consentBasis,
        },
        userEventContext(caseId, user, now),
      );
      unit.record(event);
      await this.projection.project(unit.manager, event);
      const base = { ...actingUserAudit(user), ...request, caseId, outcome: 'allowed' as const };
      if (share.consentBasis === 'supervisor-override') {
        await this.audit.record(unit.manager, {
          ...base,
          action: 'consent:override',
          target: `share:${share.shareId}`,
        });
      }
      await this.audit.record(unit.manager, {
        ...base,
        action: user.permission,
        target: `share:${share.shareId}`,
      });
      return { shareId: share.shareId };
    });
  }
}
