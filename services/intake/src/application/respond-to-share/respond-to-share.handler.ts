import { Inject, Injectable } from '@nestjs/common';
import { actingUserAudit, AuditTrail, type AuditEntry } from '@reprisals/audit';
import { CaseAccessProjection } from '@reprisals/case-access';
import { createEvent, ShareAccepted, ShareDeclined } from '@reprisals/contracts';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import type { ActingUser } from '@reprisals/security';
import { respondToShare, ShareRefused } from '../../domain/case-share';
import { mayAnswerShares } from '../../domain/un-entity-registry';
import {
  currentLeadOf,
  loadShareForUpdate,
  lockCase,
  saveShareStatus,
} from '../../infrastructure/persistence/case-share.repository';
import { findRegisteredEntity } from '../../infrastructure/persistence/un-entity-registry.repository';
import { userEventContext } from '../user-event-context';

/** The receiving entity's focal point accepts or declines a share offered to it. */
@Injectable()
export class RespondToShareHandler {
  private readonly projection = new CaseAccessProjection();

  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    caseId: string,
    shareId: string,
    answer: 'accepted' | 'declined',
    user: ActingUser,
    request: Pick<AuditEntry, 'requestId' | 'traceId'>,
  ): Promise<{ shareId: string; status: 'accepted' | 'declined' }> {
    const now = this.clock.now();
    return this.messaging.outbox.run(async (unit) => {
      const share = (await lockCase(unit.manager, caseId))
        ? await loadShareForUpdate(unit.manager, caseId, shareId)
        : undefined;
      if (!share) throw new ShareRefused('not-offered-to-you', 'shareId', 'no such share');
      const currentLead = (await currentLeadOf(unit.manager, caseId)) ?? '';
      const receiving = await findRegisteredEntity(unit.manager, share.entity);
      const answered = respondToShare(share, user.entity, answer, {
        currentLead,
        now,
        answeredByFocalPoint: !receiving || mayAnswerShares(receiving, user.sub),
      });
      await saveShareStatus(unit.manager, answered, now);
      const data = { caseId, shareId, entity: answered.entity };
      const metadata = userEventContext(caseId, user, now);
      const event =
        answer === 'accepted'
          ? createEvent(ShareAccepted, data, metadata)
          : createEvent(ShareDeclined, data, metadata);
      unit.record(event);
      await this.projection.project(unit.manager, event);
      await this.audit.record(unit.manager, {
        ...actingUserAudit(user),
        ...request,
        action: user.permission,
        caseId,
        target: `share:${shareId}:${answer}`,
        outcome: 'allowed',
      });
      return { shareId, status: answer };
    });
  }
}
