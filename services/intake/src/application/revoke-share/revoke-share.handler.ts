import { Inject, Injectable } from '@nestjs/common';
import { actingUserAudit, AuditTrail, type AuditEntry } from '@reprisals/audit';
import { CaseAccessReader } from '@reprisals/case-access';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import type { ActingUser } from '@reprisals/security';
import { revokeShare, ShareRefused } from '../../domain/case-share';
import { loadShareForUpdate, lockCase } from '../../infrastructure/persistence/case-share.repository';
import { recordShareRevocation } from '../share-revocation';
import { CaseNotVisible } from '../case-share-refusal';

/** The lead entity takes a share back: every service stops showing the case to that entity. */
@Injectable()
export class RevokeShareHandler {
  private readonly reader = new CaseAccessReader();

  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    caseId: string,
    shareId: string,
    user: ActingUser,
    request: Pick<AuditEntry, 'requestId' | 'traceId'>,
  ): Promise<{ shareId: string; status: 'revoked' }> {
    const now = this.clock.now();
    return this.messaging.outbox.run(async (unit) => {
      if (!(await lockCase(unit.manager, caseId))) throw new CaseNotVisible();
      const access = await this.reader.accessOf(unit.manager, caseId, user.entity, now);
      if (!access.visible) throw new CaseNotVisible();
      const share = await loadShareForUpdate(unit.manager, caseId, shareId);
      if (!share) throw new ShareRefused('not-offered-to-you', 'shareId', 'no such share');
      const revoked = revokeShare(share, user.entity, access.leadEntity ?? '');
      await recordShareRevocation(unit, revoked, user, now);
      await this.audit.record(unit.manager, {
        ...actingUserAudit(user),
        ...request,
        action: user.permission,
        caseId,
        target: `share:${shareId}:revoked`,
        outcome: 'allowed',
      });
      return { shareId, status: 'revoked' };
    });
  }
}
