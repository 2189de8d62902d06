import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { canonicalJson, type CanonicalValue } from '@reprisals/audit';
import { IdempotencyRecordEntity } from './idempotency-record.entity';

export type IdempotencyClaim =
  { kind: 'first' } | { kind: 'replay'; caseId: string; reference: string } | { kind: 'conflict' };

const hashOf = (salt: Buffer, request: CanonicalValue): Buffer =>
  createHash('sha256').update(salt).update(canonicalJson(request)).digest();

/**
 * Claims `key` for this caller in the caller's transaction. The first claim wins; a concurrent
 * claim waits on the primary key until the first commits (then replays it) or rolls back (then
 * wins). A key reused with another request is a conflict.
 */
export async function claimIdempotencyKey(
  manager: EntityManager,
  claim: { actorSub: string; key: string; request: CanonicalValue; caseId: string; now: Date },
): Promise<IdempotencyClaim> {
  const salt = randomBytes(16);
  const inserted: unknown[] = await manager.query(
    `INSERT INTO "idempotency_record"
       ("actor_sub", "idempotency_key", "request_salt", "request_hash", "case_id", "reference", "created_at")
     VALUES ($1, $2, $3, $4, $5, NULL, $6)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [claim.actorSub, claim.key, salt, hashOf(salt, claim.request), claim.caseId, claim.now],
  );
  if (inserted.length === 1) return { kind: 'first' };
  const first = await manager
    .getRepository(IdempotencyRecordEntity)
    .findOneByOrFail({ actorSub: claim.actorSub, idempotencyKey: claim.key });
  const same = timingSafeEqual(first.requestHash, hashOf(first.requestSalt, claim.request));
  return same && first.reference
    ? { kind: 'replay', caseId: first.caseId, reference: first.reference }
    : { kind: 'conflict' };
}

/** An erased case keeps no trace of the requests that created it, hashed or not. */
export async function forgetIdempotencyKeysOf(manager: EntityManager, caseId: string): Promise<void> {
  await manager.getRepository(IdempotencyRecordEntity).delete({ caseId });
}

export async function completeIdempotencyKey(
  manager: EntityManager,
  claim: { actorSub: string; key: string; reference: string },
): Promise<void> {
  await manager
    .getRepository(IdempotencyRecordEntity)
    .update({ actorSub: claim.actorSub, idempotencyKey: claim.key }, { reference: claim.reference });
}
