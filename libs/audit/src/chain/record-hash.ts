import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The previous hash of the first record of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Everything an audit record says, and so everything its hash covers: all its fields except
 * `seq` (the storage order, checked through the links instead) and `hash` itself.
 */
export interface AuditRecordContent {
  id: string;
  /** ISO 8601 UTC with milliseconds, as Date.prototype.toISOString() writes it. */
  recordedAt: string;
  service: string;
  actorKind: 'user' | 'system';
  actorSub: string;
  actorEntity: string | null;
  actorRole: string | null;
  action: string;
  caseId: string | null;
  target: string | null;
  outcome: 'allowed' | 'denied';
  reason: string | null;
  requestId: string | null;
  traceId: string | null;
  policyVersion: string | null;
  previousHash: string;
}

/**
 * SHA-256 (lower-case hex) of the record's canonical JSON. Only the fields of
 * AuditRecordContent are read, so a stored or exported record (which also has `seq` and `hash`)
 * can be passed as it is.
 */
export function hashAuditRecord(record: AuditRecordContent): string {
  const content: AuditRecordContent = {
    id: record.id,
    recordedAt: record.recordedAt,
    service: record.service,
    actorKind: record.actorKind,
    actorSub: record.actorSub,
    actorEntity: record.actorEntity,
    actorRole: record.actorRole,
    action: record.action,
    caseId: record.caseId,
    target: record.target,
    outcome: record.outcome,
    reason: record.reason,
    requestId: record.requestId,
    traceId: record.traceId,
    policyVersion: record.policyVersion,
    previousHash: record.previousHash,
  };
  return createHash('sha256')
    .update(canonicalJson({ ...content }), 'utf8')
    .digest('hex');
}
