import type { AuditCheckpointEntity } from './audit-checkpoint.entity';

/** A signed chain head as read and exported. */
export interface AuditCheckpointView {
  id: string;
  createdAt: string;
  lastSeq: string;
  headHash: string;
  recordCount: number;
  keyId: string;
  algorithm: 'Ed25519';
  /** Base64 Ed25519 signature of checkpointPayload(checkpoint). */
  signature: string;
}

export function toAuditCheckpointView(row: AuditCheckpointEntity): AuditCheckpointView {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeq: row.lastSeq,
    headHash: row.headHash,
    recordCount: Number(row.recordCount),
    keyId: row.keyId,
    algorithm: row.algorithm,
    signature: row.signature,
  };
}
