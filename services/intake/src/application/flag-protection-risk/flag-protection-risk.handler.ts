import { Inject, Injectable } from '@nestjs/common';
import { actingUserAudit, AuditTrail, type AuditEntry } from '@reprisals/audit';
import { CaseAccessProjection } from '@reprisals/case-access';
import { createEvent, ProtectionRiskFlagged, ProtectionRiskLifted } from '@reprisals/contracts';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import { openCaseForCommand } from '../case-command';
import type { ActingUser } from '@reprisals/security';
import {
  flagProtectionRisk,
  isWithheld,
  liftProtectionRisk,
  type ProtectionFlagVersion,
} from '../../domain/protection-risk';
import {
  appendProtectionFlagVersion,
  currentProtectionFlagOf,
} from '../../infrastructure/persistence/protection-flag.repository';
import type { FlagProtectionRiskCommand, LiftProtectionRiskCommand } from './flag-protection-risk.command';
import { userEventContext } from '../user-event-context';

type RequestContext = Pick<AuditEntry, 'requestId' | 'traceId'>;

/**
 * Flags a protection risk (any entity that sees the case may: raising a risk only protects) or
 * lifts it (the lead entity's supervisors). Each step is a new version, its event, every
 * service's projection and its audit record, in one transaction.
 */
@Injectable()
export class FlagProtectionRiskHandler {
  private readonly projection = new CaseAccessProjection();

  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  flag(caseId: string, command: FlagProtectionRiskCommand, user: ActingUser, request: RequestContext) {
    return this.apply(caseId, command.note, user, request, { leadOnly: false }, (current, now) =>
      flagProtectionRisk(current, command, { caseId, now }),
    );
  }

  lift(caseId: string, command: LiftProtectionRiskCommand, user: ActingUser, request: RequestContext) {
    return this.apply(caseId, command.note, user, request, { leadOnly: true }, (current, now) =>
      liftProtectionRisk(current, { caseId, now }),
    );
  }

  private async apply(
    caseId: string,
    note: string,
    user: ActingUser,
    request: RequestContext,
    rule: { leadOnly: boolean },
    decide: (current: ProtectionFlagVersion | undefined, now: Date) => ProtectionFlagVersion,
  ): Promise<{ version: number; withheld: boolean }> {
    const now = this.clock.now();
    return this.messaging.outbox.run(async (unit) => {
      await openCaseForCommand(
        unit.manager,
        caseId,
        user.entity,
        now,
        rule.leadOnly ? { refusal: 'only the lead entity lifts a protection risk flag' } : undefined,
      );
      const next = decide(await currentProtectionFlagOf(unit.manager, caseId), now);
      await appendProtectionFlagVersion(unit.manager, next, { sub: user.sub, entity: user.entity, note });
      const metadata = userEventContext(caseId, user, now);
      const event =
        next.kind === 'flagged' && next.level && next.reason
          ? createEvent(
              ProtectionRiskFlagged,
              { caseId, flagVersion: next.version, level: next.level, reason: next.reason },
              metadata,
            )
          : createEvent(ProtectionRiskLifted, { caseId, flagVersion: next.version }, metadata);
      unit.record(event);
      await this.projection.project(unit.manager, event);
      await this.audit.record(unit.manager, {
        ...actingUserAudit(user),
        ...request,
        action: user.permission,
        caseId,
        target: `protection-risk:${next.version}:${next.kind}`,
        outcome: 'allowed',
      });
      return { version: next.version, withheld: isWithheld(next) };
    });
  }
}
