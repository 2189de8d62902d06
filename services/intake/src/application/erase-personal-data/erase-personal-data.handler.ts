import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { actingUserAudit, AuditTrail, type AuditEntry } from '@reprisals/audit';
import { createEvent, PersonalDataErased } from '@reprisals/contracts';
import { IdentityVault } from '@reprisals/identity-vault';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import { openCaseForCommand } from '../case-command';
import type { ActingUser } from '@reprisals/security';
import { forgetIdempotencyKeysOf } from '../../infrastructure/persistence/idempotency.repository';
import { ErasureRecordEntity } from '../../infrastructure/persistence/erasure-record.entity';
import { PossibleDuplicateScreener } from '../screen-possible-duplicates/possible-duplicate.screener';
import type { ErasePersonalDataCommand } from './erase-personal-data.command';
import { userEventContext } from '../user-event-context';

/** Reported as 409 and audited as denied, like the other refusals of a case step. */
export class AlreadyErased extends ConflictException {
  constructor() {
    super('The personal data of this case was already erased');
  }
}

/**
 * Crypto-shredding of one case, by its lead entity: the case's data key is destroyed in the same
 * transaction as the erasure record, its event and its audit record. Every sealed identity,
 * source, account and attachment of the case becomes unreadable; the rest of the case stays.
 */
@Injectable()
export class ErasePersonalDataHandler {
  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly audit: AuditTrail,
    private readonly vault: IdentityVault,
    private readonly duplicates: PossibleDuplicateScreener,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    caseId: string,
    command: ErasePersonalDataCommand,
    user: ActingUser,
    request: Pick<AuditEntry, 'requestId' | 'traceId'>,
  ): Promise<{ erasedAt: string }> {
    const now = this.clock.now();
    return this.messaging.outbox.run(async (unit) => {
      await openCaseForCommand(unit.manager, caseId, user.entity, now, {
        refusal: 'only the lead entity erases a case’s personal data',
      });
      if (await unit.manager.getRepository(ErasureRecordEntity).existsBy({ caseId }))
        throw new AlreadyErased();
      await this.vault.destroyKey(unit.manager, caseId);
      // The fingerprints of its victims' identifiers go too: the erased case matches no other again.
      await this.duplicates.forget(unit.manager, caseId);
      await forgetIdempotencyKeysOf(unit.manager, caseId);
      await this.duplicates.closeForErasure(unit.manager, caseId, {
        sub: user.sub,
        entity: user.entity,
        at: now,
      });
      await unit.manager.getRepository(ErasureRecordEntity).insert({
        caseId,
        reason: command.reason,
        note: command.note,
        erasedBySub: user.sub,
        erasedByEntity: user.entity,
        erasedAt: now,
      });
      unit.record(
        createEvent(
          PersonalDataErased,
          { caseId, reason: command.reason },
          userEventContext(caseId, user, now),
        ),
      );
      await this.audit.record(unit.manager, {
        ...actingUserAudit(user),
        ...request,
        action: user.permission,
        caseId,
        target: `personal-data:${command.reason}`,
        outcome: 'allowed',
      });
      return { erasedAt: now.toISOString() };
    });
  }
}
