import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { actingUserAudit, AuditTrail, type AuditEntry } from '@reprisals/audit';
import { CaseAccessReader } from '@reprisals/case-access';
import { CasesLinked, createEvent } from '@reprisals/contracts';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import type { ActingUser } from '@reprisals/security';
import { decidePossibleDuplicate, type DuplicateDecision } from '../../domain/possible-duplicate';
import { PossibleDuplicateRecordEntity } from '../../infrastructure/duplicates/possible-duplicate-record.entity';
import { loadPairForUpdate } from '../../infrastructure/duplicates/possible-duplicate.repository';
import { lockCase } from '../../infrastructure/persistence/case-share.repository';
import { CaseNotVisible } from '../case-share-refusal';
import type { PossibleDuplicateDecisionReceipt } from './decide-possible-duplicate.command';

/**
 * An officer of the entity leading a case links it to a case found to match it (both cases'
 * timelines then show the other) or dismisses the match. The decision, the CasesLinked events
 * (one per case, one link id) and the audit records of both cases commit together.
 */
@Injectable()
export class DecidePossibleDuplicateHandler {
  private readonly reader = new CaseAccessReader();

  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    caseId: string,
    otherCaseId: string,
    decision: DuplicateDecision & { note?: string | undefined },
    user: ActingUser,
    request: Pick<AuditEntry, 'requestId' | 'traceId'>,
  ): Promise<PossibleDuplicateDecisionReceipt> {
    const now = this.clock.now();
    return this.messaging.outbox.run(async (unit) => {
      // Both cases get events: lock them in one order, so that the two leads deciding at once do not deadlock.
      const found = new Set<string>();
      for (const id of [...new Set([caseId, otherCaseId])].sort()) {
        if (await lockCase(unit.manager, id)) found.add(id);
      }
      if (!found.has(caseId)) throw new CaseNotVisible();
      const access = await this.reader.accessOf(unit.manager, caseId, user.entity, now);
      if (!access.visible) throw new CaseNotVisible();
      const pair =
        caseId === otherCaseId ? undefined : await loadPairForUpdate(unit.manager, caseId, otherCaseId);
      const status = decidePossibleDuplicate(pair, decision, {
        entity: user.entity,
        leadOfCase: access.leadEntity,
      });
      const linkId = status === 'linked' ? randomUUID() : null;
      await unit.manager.getRepository(PossibleDuplicateRecordEntity).update(
        { pairId: pair!.pairId },
        {
          status,
          decidedAt: now,
          decidedBySub: user.sub,
          decidedByEntity: user.entity,
          decidedForCaseId: caseId,
          decisionReason: decision.reason,
          decisionNote: decision.note ?? null,
          linkId,
          updatedAt: now,
        },
      );
      if (linkId) {
        const actor = { kind: 'user' as const, sub: user.sub, entity: user.entity, role: user.role };
        for (const [from, to] of [
          [caseId, otherCaseId],
          [otherCaseId, caseId],
        ] as const) {
          unit.record(
            createEvent(
              CasesLinked,
              { caseId: from, otherCaseId: to, linkId },
              { caseId: from, actor, occurredAt: now, policyVersion: user.policyVersion },
            ),
          );
        }
      }
      // Each case's trail records the decision: it changes what both cases show.
      for (const [about, other] of [
        [caseId, otherCaseId],
        [otherCaseId, caseId],
      ] as const) {
        await this.audit.record(unit.manager, {
          ...actingUserAudit(user),
          ...request,
          action: user.permission,
          caseId: about,
          target: `possible-duplicate:${other}:${status}`,
          outcome: 'allowed',
        });
      }
      return { caseId, otherCaseId, status, linkId, decidedAt: now.toISOString() };
    });
  }
}
