import type { AuditRecordContent } from '../chain/record-hash';
import type { AuditRecordEntity } from './audit-record.entity';

/**
 * An audit record as read and exported: its content, its place in the chain (`seq`) and its
 * hash. Removing `seq` and `hash` leaves exactly what the hash covers.
 */
export interface AuditRecordView extends AuditRecordContent {
  seq: string;
  hash: string;
}

export function toAuditRecordView(row: AuditRecordEntity): AuditRecordView {
  return {
    seq: row.seq,
    id: row.id,
    recordedAt: row.recordedAt.toISOString(),
    service: row.service,
    actorKind: row.actorKind,
    actorSub: row.actorSub,
    actorEntity: row.actorEntity,
    actorRole: row.actorRole,
    action: row.action,
    caseId: row.caseId,
    target: row.target,
    outcome: row.outcome,
    reason: row.reason,
    requestId: row.requestId,
    traceId: row.traceId,
    policyVersion: row.policyVersion,
    previousHash: row.previousHash,
    hash: row.hash,
  };
}
