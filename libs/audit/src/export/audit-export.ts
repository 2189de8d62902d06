import { z } from 'zod';
import type { AuditCheckpointView } from '../checkpoints/audit-checkpoint.view';
import type { AuditRecordView } from '../records/audit-record.view';

export const AUDIT_EXPORT_FORMAT = 'reprisals-audit-export/1';

/**
 * A self-contained excerpt of one service's audit chain: a contiguous stretch of records in seq
 * order, the checkpoints that fall within it, and the public keys of those checkpoints.
 * verifyExport() checks it offline against keys the verifier trusts (the keys carried here are
 * for information: a document cannot vouch for itself).
 *
 * To check it by other means: each record's hash is the SHA-256 hex of the RFC 8785 canonical
 * JSON of the record without `seq` and `hash`; each record's previousHash is the hash of the
 * record before it (64 zeros for the first record of the chain); each checkpoint's signature is
 * Ed25519 over the canonical JSON of the checkpoint without `signature` and with
 * `"purpose": "reprisals-audit-checkpoint/1"`.
 */
export interface AuditExport {
  format: typeof AUDIT_EXPORT_FORMAT;
  service: string;
  exportedAt: string;
  records: AuditRecordView[];
  checkpoints: AuditCheckpointView[];
  /** Key id to SPKI PEM public key, for the checkpoints' keys. */
  publicKeys: Record<string, string>;
}

const SEQ = /^-?[0-9]{1,19}$/;
const HASH = /^[0-9a-f]{64}$/;
const nullableText = z.string().nullable();

const recordSchema = z
  .object({
    seq: z.string().regex(SEQ),
    id: z.string(),
    recordedAt: z.string(),
    service: z.string(),
    actorKind: z.enum(['user', 'system']),
    actorSub: z.string(),
    actorEntity: nullableText,
    actorRole: nullableText,
    action: z.string(),
    caseId: nullableText,
    target: nullableText,
    outcome: z.enum(['allowed', 'denied']),
    reason: nullableText,
    requestId: nullableText,
    traceId: nullableText,
    policyVersion: nullableText,
    previousHash: z.string().regex(HASH),
    hash: z.string().regex(HASH),
  })
  .strict();

const checkpointSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    lastSeq: z.string().regex(SEQ),
    headHash: z.string().regex(HASH),
    recordCount: z.number().int().nonnegative(),
    keyId: z.string(),
    algorithm: z.literal('Ed25519'),
    signature: z.string(),
  })
  .strict();

export const AuditExportSchema = z
  .object({
    format: z.literal(AUDIT_EXPORT_FORMAT),
    service: z.string(),
    exportedAt: z.string(),
    records: z.array(recordSchema),
    checkpoints: z.array(checkpointSchema),
    publicKeys: z.record(z.string(), z.string()),
  })
  .strict();

/** A document that is not an audit export at all (as opposed to one whose chain is broken). */
export class InvalidAuditExportError extends Error {
  constructor(readonly fields: string[]) {
    super(`Not an audit export: ${fields.join(', ')}`);
    this.name = 'InvalidAuditExportError';
  }
}
