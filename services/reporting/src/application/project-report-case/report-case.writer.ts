import type { EntityManager } from 'typeorm';
import {
  applyToReportCase,
  firstReplyOf,
  type ReportCase,
  type ReportCaseChange,
} from '../../domain/report-case/report-case';
import { ReportCaseEntity } from '../../infrastructure/persistence/report-case.entity';

/**
 * Applies one event's change to its case's statistics row, in the handler's transaction: the row
 * is created empty when the case is not known yet (its events arrive in any order), locked, and
 * written only when the change changes it, so a redelivered event leaves it exactly as it was.
 */
export async function mergeReportCase(
  manager: EntityManager,
  caseId: string,
  change: ReportCaseChange,
  occurredAt: string,
): Promise<void> {
  await manager.createQueryBuilder().insert().into(ReportCaseEntity).values({ caseId }).orIgnore().execute();
  const repository = manager.getRepository(ReportCaseEntity);
  const row = await repository.findOneOrFail({ where: { caseId }, lock: { mode: 'pessimistic_write' } });
  const before = reportCaseOf(row);
  const after = applyToReportCase(before, change, new Date(occurredAt).toISOString());
  const columns = columnsOf(after);
  if (canonical(columns) !== canonical(columnsOf(before))) await repository.update({ caseId }, columns);
}

/** JSON with the keys of every object in order: PostgreSQL gives JSONB back in its own key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

function reportCaseOf(row: ReportCaseEntity): ReportCase {
  return {
    caseId: row.caseId,
    reference: row.reference,
    stateConcerned: row.stateConcerned,
    leadEntity: row.leadEntity,
    leadTransferredAt: isoOrNull(row.leadTransferredAt),
    receivedOn: row.receivedOn,
    victims: row.victims,
    acts: row.acts,
    mechanism: row.mechanism,
    category: row.category,
    factVersions: {
      victims: row.victimsVersion,
      acts: row.actsVersion,
      cooperation: row.cooperationVersion,
    },
    screeningScope: row.screeningScope,
    screenedAt: isoOrNull(row.screenedAt),
    riskLevel: row.riskLevel,
    riskAssessedAt: isoOrNull(row.riskAssessedAt),
    verificationOutcome: row.verificationOutcome as ReportCase['verificationOutcome'],
    verificationConcludedOn: row.verificationConcludedOn,
    verificationConcludedAt: isoOrNull(row.verificationConcludedAt),
    verificationLateForCycle: row.verificationLateForCycle,
    responseActions: row.responseActions,
    sentCommunicationIds: row.sentCommunicationIds,
    missedDeadlineCommunicationIds: row.missedDeadlineCommunicationIds,
    stateReplies: row.stateReplies,
    stage: row.stage,
    closed: row.closed,
    personalDataErased: row.personalDataErased,
    lastEventAt: isoOrNull(row.lastEventAt),
  };
}

function columnsOf(facts: ReportCase): Omit<ReportCaseEntity, 'caseId'> {
  const firstReply = firstReplyOf(facts.stateReplies);
  return {
    reference: facts.reference,
    stateConcerned: facts.stateConcerned,
    leadEntity: facts.leadEntity,
    leadTransferredAt: dateOrNull(facts.leadTransferredAt),
    receivedOn: facts.receivedOn,
    receivedYear: facts.receivedOn === null ? null : Number(facts.receivedOn.slice(0, 4)),
    victims: facts.victims,
    acts: facts.acts,
    mechanism: facts.mechanism,
    category: facts.category,
    victimsVersion: facts.factVersions.victims,
    actsVersion: facts.factVersions.acts,
    cooperationVersion: facts.factVersions.cooperation,
    screeningScope: facts.screeningScope,
    screenedAt: dateOrNull(facts.screenedAt),
    riskLevel: facts.riskLevel,
    riskAssessedAt: dateOrNull(facts.riskAssessedAt),
    verificationOutcome: facts.verificationOutcome,
    verificationConcludedOn: facts.verificationConcludedOn,
    verificationConcludedAt: dateOrNull(facts.verificationConcludedAt),
    verificationLateForCycle: facts.verificationLateForCycle,
    responseActions: facts.responseActions,
    sentCommunicationIds: facts.sentCommunicationIds,
    communicationsSent: facts.sentCommunicationIds.length,
    missedDeadlineCommunicationIds: facts.missedDeadlineCommunicationIds,
    deadlinesMissed: facts.missedDeadlineCommunicationIds.length,
    stateReplies: facts.stateReplies,
    firstReplyId: firstReply?.replyId ?? null,
    firstReplyType: firstReply?.type ?? null,
    firstReplyOn: firstReply?.receivedOn ?? null,
    stage: facts.stage,
    closed: facts.closed,
    personalDataErased: facts.personalDataErased,
    lastEventAt: dateOrNull(facts.lastEventAt),
  };
}

const isoOrNull = (value: Date | null): string | null => (value === null ? null : value.toISOString());
const dateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));
