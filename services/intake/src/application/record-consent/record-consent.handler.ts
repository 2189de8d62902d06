import { Inject, Injectable } from '@nestjs/common';
import { actingUserAudit, AuditTrail, type AuditEntry } from '@reprisals/audit';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import { openCaseForCommand } from '../case-command';
import type { ActingUser } from '@reprisals/security';
import { revokeShare } from '../../domain/case-share';
import {
  endsSharingConsent,
  recordConsent,
  withdrawConsent,
  type ConsentVersion,
} from '../../domain/consent';
import { liveConsentBasedSharesOf } from '../../infrastructure/persistence/case-share.repository';
import { currentConsentOf } from '../../infrastructure/persistence/consent.repository';
import { writeConsentVersion } from '../consent-version.writer';
import { recordShareRevocation } from '../share-revocation';
import type { RecordConsentCommand, WithdrawConsentCommand } from './record-consent.command';

type RequestContext = Pick<AuditEntry, 'requestId' | 'traceId'>;

/**
 * Records, changes or withdraws a case's consent (lead entity only). When the new version takes
 * back the consent to share, every share resting on that consent is revoked in the same
 * transaction: the entities holding it stop seeing the case in every service.
 */
@Injectable()
export class RecordConsentHandler {
  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  record(caseId: string, command: RecordConsentCommand, user: ActingUser, request: RequestContext) {
    return this.apply(caseId, user, request, (current, now) =>
      recordConsent(current, command, { caseId, now }),
    );
  }

  withdraw(caseId: string, command: WithdrawConsentCommand, user: ActingUser, request: RequestContext) {
    const withdrawal = { givenBy: command.withdrawnBy, givenOn: command.withdrawnOn, form: command.form };
    return this.apply(caseId, user, request, (current, now) =>
      withdrawConsent(current, withdrawal, { caseId, now }),
    );
  }

  private async apply(
    caseId: string,
    user: ActingUser,
    request: RequestContext,
    decide: (current: ConsentVersion | undefined, now: Date) => ConsentVersion,
  ): Promise<{ version: number; revokedShares: string[] }> {
    const now = this.clock.now();
    return this.messaging.outbox.run(async (unit) => {
      await openCaseForCommand(unit.manager, caseId, user.entity, now, {
        refusal: 'only the lead entity records consent',
      });
      const current = await currentConsentOf(unit.manager, caseId);
      const next = decide(current, now);
      await writeConsentVersion(unit, next, user, now);
      const base = { ...actingUserAudit(user), ...request, caseId, outcome: 'allowed' as const };
      await this.audit.record(unit.manager, {
        ...base,
        action: user.permission,
        target: `consent:${next.version}:${next.kind}`,
      });
      const revokedShares: string[] = [];
      if (endsSharingConsent(current, next)) {
        for (const share of await liveConsentBasedSharesOf(unit.manager, caseId)) {
          await recordShareRevocation(unit, revokeShare(share, user.entity, user.entity), user, now);
          await this.audit.record(unit.manager, {
            ...base,
            action: user.permission,
            target: `share:${share.shareId}:revoked`,
            reason: 'consent-withdrawn',
          });
          revokedShares.push(share.shareId);
        }
      }
      return { version: next.version, revokedShares };
    });
  }
}
