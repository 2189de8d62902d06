import { Inject, Injectable } from '@nestjs/common';
import { actingUserAudit, AuditTrail, type AuditEntry } from '@reprisals/audit';
import { AllegationChanged, createEvent } from '@reprisals/contracts';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import { openCaseForCommand } from '../case-command';
import type { ActingUser } from '@reprisals/security';
import { AllegationRejected } from '../../domain/allegation';
import {
  AllegationChangeRefused,
  changeIssues,
  nextAllegationVersion,
  type ChangeableField,
} from '../../domain/allegation-change';
import { PossibleDuplicateScreener } from '../screen-possible-duplicates/possible-duplicate.screener';
import { CaseIdentityStore } from '../../infrastructure/identities/case-identity.store';
import { AllegationEntity } from '../../infrastructure/persistence/allegation.entity';
import { ErasureRecordEntity } from '../../infrastructure/persistence/erasure-record.entity';
import { actsOnTheWire, victimsOnTheWire } from '../receive-allegation/allegation-facts-on-the-wire';
import { SourceRecordEntity } from '../../infrastructure/persistence/source-record.entity';
import { VictimRecordEntity } from '../../infrastructure/persistence/victim-record.entity';
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
    private readonly duplicates: PossibleDuplicateScreener,
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
      const [victims, sources] = await Promise.all([
        unit.manager
          .getRepository(VictimRecordEntity)
          .find({ where: { caseId }, select: { pseudonym: true } }),
        unit.manager
          .getRepository(SourceRecordEntity)
          .find({ where: { caseId }, select: { pseudonym: true } }),
      ]);
      const issues = changeIssues(
        command,
        {
          receivedOn: row.receivedOn,
          victims: victims.map((victim) => victim.pseudonym),
          sources: sources.map((source) => source.pseudonym),
        },
        now,
      );
      if (issues.length > 0) throw new AllegationRejected(issues);
      const sealsSomething =
        command.detailedAccount !== undefined ||
        command.cooperation?.description !== undefined ||
        command.victims !== undefined ||
        command.sources !== undefined ||
        command.acts !== undefined;
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
          ...(cooperation ? await this.identities.cooperationColumns(unit.manager, caseId, cooperation) : {}),
          ...(command.detailedAccount !== undefined
            ? {
                sealedAccount: await this.identities.sealDetailedAccount(
                  unit.manager,
                  caseId,
                  command.detailedAccount,
                ),
              }
            : {}),
        },
      );
      const correctedVictims = command.victims
        ? await this.identities.replaceVictims(unit.manager, caseId, command.victims)
        : undefined;
      if (command.sources) await this.identities.replaceSources(unit.manager, caseId, command.sources);
      if (command.acts) await this.identities.replaceActs(unit.manager, caseId, command.acts);
      const changed = Object.keys(command) as ChangeableField[];
      unit.record(
        createEvent(
          AllegationChanged,
          {
            caseId,
            allegationVersion: version,
            changed,
            ...(command.receivedVia !== undefined ? { receivedVia: command.receivedVia } : {}),
            ...(correctedVictims ? { victims: victimsOnTheWire(correctedVictims.people) } : {}),
            ...(command.acts ? { acts: actsOnTheWire(command.acts) } : {}),
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
      if (correctedVictims) {
        // After the case's own event: the victims removed match nothing any more, the others are screened again.
        await this.duplicates.forget(unit.manager, caseId, correctedVictims.removed);
        await this.duplicates.screenVictims(
          unit,
          { id: caseId, stateConcerned: row.stateConcerned, leadEntity: row.leadEntity },
          correctedVictims.people.map(({ pseudonym, input }) => ({ pseudonym, identity: input })),
          now,
        );
      }
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
