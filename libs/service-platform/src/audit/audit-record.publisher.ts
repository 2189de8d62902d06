import type { EntityManager } from 'typeorm';
import type { AuditRecordView } from '@reprisals/audit';
import { AuditRecorded, createEvent, type ServiceName } from '@reprisals/contracts';
import type { ServiceMessaging } from '@reprisals/messaging';

/**
 * Publishes each audit record about a case as an event, in the transaction that appended it,
 * so the reporting service can assemble the audit of a case across services. Records that
 * concern no case stay in their service's trail only.
 */
export function publishAuditRecords(service: ServiceName, messaging: ServiceMessaging) {
  return async (manager: EntityManager, record: AuditRecordView): Promise<void> => {
    if (!record.caseId) return;
    await messaging.appendInTransaction(manager, [
      createEvent(
        AuditRecorded[service],
        {
          recordId: record.id,
          seq: record.seq,
          caseId: record.caseId,
          service,
          action: record.action,
          outcome: record.outcome,
          reason: record.reason,
          actorKind: record.actorKind,
          actorSub: record.actorSub,
          actorEntity: record.actorEntity,
          actorRole: record.actorRole,
          target: record.target,
          policyVersion: record.policyVersion,
          recordedAt: record.recordedAt,
          hash: record.hash,
        },
        {
          caseId: record.caseId,
          actor: { kind: 'system', service },
          occurredAt: new Date(record.recordedAt),
        },
      ),
    ]);
  };
}
