import { verify } from 'node:crypto';
import { canonicalJson } from '../chain/canonical-json';
import type { AuditCheckpointView } from '../checkpoints/audit-checkpoint.view';
import type { TrustedAuditKeys } from './trusted-keys';

/** Separates checkpoint signatures from anything else a key might ever sign. */
export const CHECKPOINT_PURPOSE = 'reprisals-audit-checkpoint/1';

/**
 * The bytes a checkpoint's signature covers: the canonical JSON (RFC 8785) of its fields other
 * than the signature, with `purpose` set to CHECKPOINT_PURPOSE.
 */
export function checkpointPayload(checkpoint: Omit<AuditCheckpointView, 'signature'>): Buffer {
  return Buffer.from(
    canonicalJson({
      purpose: CHECKPOINT_PURPOSE,
      id: checkpoint.id,
      createdAt: checkpoint.createdAt,
      lastSeq: checkpoint.lastSeq,
      headHash: checkpoint.headHash,
      recordCount: checkpoint.recordCount,
      keyId: checkpoint.keyId,
      algorithm: checkpoint.algorithm,
    }),
    'utf8',
  );
}

/** True when a trusted key with the checkpoint's key id signed exactly this checkpoint. */
export function isCheckpointSignatureValid(checkpoint: AuditCheckpointView, keys: TrustedAuditKeys): boolean {
  const key = keys.get(checkpoint.keyId);
  if (!key || checkpoint.algorithm !== 'Ed25519') return false;
  try {
    return verify(null, checkpointPayload(checkpoint), key, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}
