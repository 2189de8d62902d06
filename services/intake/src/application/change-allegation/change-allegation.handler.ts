import { Inject, Injectable } from '@nestjs/common';
import { actingUserAudit, AuditTrail, type AuditEntry } from '@reprisals/audit';
import { AllegationChanged, createEvent } from '@reprisals/contracts';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import { openCaseForCommand } from '../case-command';
import type { ActingUser } from '@reprisals/security';
import { AllegationRejected, datesInTheFuture } from '../../domain/allegation';
import {
  AllegationChangeRefused,
  nextAllegationVersion,
  type ChangeableField,
} from '../../domain/allegation-change';
import { CaseIdentityStore } from '../../infrastructure/identities/case-identity.store';
import { AllegationEntity } from '../../infrastructure/persistence/allegation.entity';
import { ErasureRecordEntity } from '../../infrastructure/persistence/erasure-record.entity';
import type { ChangeAllegationCommand } from './change-allegation.command';
import { userEventContext } from '../user-event-context';

/**
 * The lead entity corrects or completes an allegation, on the version it read: the new fields,
 * the new version, the AllegationChanged event and the audit record commit together.
 */
@Injectable()
export class ChangeAllegationHandler {
  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly audit: AuditTrail,
    private readonly identities: CaseIdentityStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    caseId: string,
    command: ChangeAllegationCommand,
    expectedVersion: number | 'any' | undefined,
    user: ActingUser,
    request: Pick<AuditEntry, 'requestId' | 'traceId'>,
  ): Promise<{ version: number }> {
    const now = this.clock.now();
    return this.messaging.outbox.run(async (unit) => {
      await openCaseForCommand(unit.manager, caseId, user.entity, now, {
        refusal: 'only the lead entity changes an allegation',
      });
      const row = await unit.manager.getRepository(AllegationEntity).findOneByOrFail({ id: caseId });
      const version = nextAllegationVersion(
        row.version,
        expectedVersion === 'any' ? row.version : expectedVersion,
      );
      const future = datesInTheFuture({ 'cooperation.date': command.cooperation?.date }, now);
      if (future.length > 0) throw new AllegationRejected(future);
      const sealsSomething =
        command.detailedAccount !== undefined || command.cooperation?.description !== undefined;
      if (sealsSomething && (await unit.manager.getRepository(ErasureRecordEntity).existsBy({ caseId }))) {
        throw new AllegationChangeRefused('erased', 'the personal data of this case was erased');
      }
      const { cooperation } = command;
      await unit.manager.getRepository(AllegationEntity).update(
        { id: caseId },
        {
          version,
          changedAt: now,
          ...(command.summary !== undefined ? { summary: command.summary } : {}),
          ...(command.submissionLanguage !== undefined
            ? { submissionLanguage: command.submissionLanguage }
            : {}),
          ...(command.receivedVia !== undefined ? { receivedVia: command.receivedVia } : {}),
          ...(cooperation
            ? {
                cooperationMechanism: cooperation.mechanism,
                cooperationDetail: cooperation.detail ?? null,
                cooperationCategory: cooperation.category,
                cooperationDate: cooperation.date ?? null,
                sealedCooperation:
                  cooperation.description === undefined
                    ? null
                    : await this.identities.sealCaseText(
                        unit.manager,
                        caseId,
                        'cooperationDescription',
                        cooperation.description,
                      ),
              }
            : {}),
          ...(command.detailedAccount !== undefined
            ? {
                sealedAccount: await this.identities.sealCaseText(
                  unit.manager,
                  caseId,
                  'detailedAccount',
                  command.detailedAccount,
                ),
              }
            : {}),
        },
      );
      const changed = Object.keys(command) as ChangeableField[];
      unit.record(
        createEvent(
          AllegationChanged,
          {
            caseId,
            allegationVersion: version,
            changed,
            ...(command.receivedVia !== undefined ? { receivedVia: command.receivedVia } : {}),
            ...(cooperation
              ? {
                  cooperation: {
                    mechanism: cooperation.mechanism,
                    detail: cooperation.detail ?? null,
                    category: cooperation.category,
                  },
                }
              : {}),
          },
          userEventContext(caseId, user, now),
        ),
      );
      await this.audit.record(unit.manager, {
        ...actingUserAudit(user),
        ...request,
        action: user.permission,
        caseId,
        target: `allegation:v${version}:${changed.join('+')}`,
        outcome: 'allowed',
      });
      return { version };
    });
  }
}
