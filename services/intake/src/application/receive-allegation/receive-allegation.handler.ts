import { randomUUID } from 'node:crypto';
import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { AllegationReceived, createEvent } from '@reprisals/contracts';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { AuditTrail, actingUserAudit, type AuditEntry } from '@reprisals/audit';
import { CaseAccessProjection } from '@reprisals/case-access';
import { ServiceMessaging } from '@reprisals/messaging';
import { AccessPolicy, type ActingUser } from '@reprisals/security';
import { receiveAllegation } from '../../domain/allegation';
import { PossibleDuplicateScreener } from '../screen-possible-duplicates/possible-duplicate.screener';
import { CaseIdentityStore } from '../../infrastructure/identities/case-identity.store';
import { AllegationEntity } from '../../infrastructure/persistence/allegation.entity';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
} from '../../infrastructure/persistence/idempotency.repository';
import { allocateCaseReference } from '../../infrastructure/persistence/case-reference.allocator';
import { writeConsentVersion } from '../consent-version.writer';
import { factsOnTheWire } from './allegation-facts-on-the-wire';
import { consentGivenWith } from './consent-given-with';
import type { AllegationReceipt, ReceiveAllegationCommand } from './receive-allegation.command';
import { userEventContext } from '../user-event-context';

/** Answered 422: the key already stands for another request. */
export class IdempotencyKeyReused extends UnprocessableEntityException {
  constructor() {
    super('This Idempotency-Key was already used with a different request');
  }
}

/** Records the allegation, gives it a reference and announces it: one transaction. */
@Injectable()
export class ReceiveAllegationHandler {
  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly audit: AuditTrail,
    private readonly identities: CaseIdentityStore,
    private readonly policy: AccessPolicy,
    private readonly duplicates: PossibleDuplicateScreener,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private readonly caseAccess = new CaseAccessProjection();

  /**
   * With an idempotency key, a retried request returns the first receipt (`replayed`) instead of
   * opening a second case; the same key with another request is refused.
   */
  async execute(
    command: ReceiveAllegationCommand,
    user: ActingUser,
    request: Pick<AuditEntry, 'requestId' | 'traceId'> = {},
    idempotencyKey?: string,
  ): Promise<AllegationReceipt & { replayed: boolean }> {
    const now = this.clock.now();
    const id = randomUUID();
    const mayRecordConsent = this.policy.allows(user, 'consent:record');
    if (command.consent && !mayRecordConsent) {
      await this.audit.recordNow({
        ...actingUserAudit(user),
        ...request,
        action: 'consent:record',
        target: 'POST /intake/allegations',
        outcome: 'denied',
        reason: 'missing-permission',
      });
    }
    return this.messaging.outbox.run(async (unit) => {
      if (idempotencyKey !== undefined) {
        const claim = await claimIdempotencyKey(unit.manager, {
          actorSub: user.sub,
          key: idempotencyKey,
          request: command,
          caseId: id,
          now,
        });
        if (claim.kind === 'conflict') throw new IdempotencyKeyReused();
        if (claim.kind === 'replay') {
          await this.audit.record(unit.manager, {
            ...actingUserAudit(user),
            ...request,
            action: user.permission,
            caseId: claim.caseId,
            target: 'POST /intake/allegations#replayed',
            outcome: 'allowed',
          });
          return { id: claim.caseId, reference: claim.reference, replayed: true };
        }
      }
      const reference = await allocateCaseReference(unit.manager, now.getUTCFullYear());
      const allegation = receiveAllegation(
        { ...command, cooperationDate: command.cooperation.date },
        {
          id,
          reference: reference.value,
          recordedBy: { sub: user.sub, entity: user.entity, role: user.role },
          now,
        },
      );
      await unit.manager.getRepository(AllegationEntity).insert({
        id: allegation.id,
        reference: allegation.reference,
        stateConcerned: allegation.stateConcerned,
        receivedVia: allegation.receivedVia,
        receivedOn: allegation.receivedOn,
        summary: allegation.summary,
        submissionLanguage: allegation.submissionLanguage,
        leadEntity: allegation.leadEntity,
        recordedBySub: allegation.recordedBy.sub,
        recordedByRole: allegation.recordedBy.role,
        recordedAt: allegation.recordedAt,
        sealedAccount: null,
      });
      const pseudonyms = await this.identities.record(unit.manager, allegation.id, command);
      const consent = command.consent
        ? consentGivenWith(command.consent, allegation.id, now, mayRecordConsent)
        : undefined;
      const received = createEvent(
        AllegationReceived,
        {
          caseId: allegation.id,
          reference: allegation.reference,
          stateConcerned: allegation.stateConcerned,
          receivedVia: allegation.receivedVia,
          receivedOn: allegation.receivedOn,
          leadEntity: allegation.leadEntity,
          ...factsOnTheWire(command, pseudonyms.victims),
        },
        userEventContext(allegation.id, user, now),
      );
      unit.record(received);
      // Intake is the source of the case: its own access projection learns the lead here, not from the wire.
      await this.caseAccess.project(unit.manager, received);
      if (consent) await writeConsentVersion(unit, consent, user, now);
      // After the case's own events (its stream starts with AllegationReceived), before the audit record.
      await this.duplicates.screenRecordedCase(unit, allegation, command.victims, now);
      await this.audit.record(unit.manager, {
        ...actingUserAudit(user),
        ...request,
        action: user.permission,
        caseId: allegation.id,
        target: 'POST /intake/allegations',
        outcome: 'allowed',
      });
      if (consent) {
        await this.audit.record(unit.manager, {
          ...actingUserAudit(user),
          ...request,
          action: 'consent:record',
          caseId: allegation.id,
          target: `consent:${consent.version}:recorded`,
          outcome: 'allowed',
        });
      }
      if (idempotencyKey !== undefined) {
        await completeIdempotencyKey(unit.manager, {
          actorSub: user.sub,
          key: idempotencyKey,
          reference: allegation.reference,
        });
      }
      return { id: allegation.id, reference: allegation.reference, replayed: false };
    });
  }
}
