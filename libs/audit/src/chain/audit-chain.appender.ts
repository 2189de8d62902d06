import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Clock } from '@reprisals/kernel';
import type { ValidAuditEntry } from '../entry/audit-entry';
import type { AuditRecordView } from '../records/audit-record.view';
import { lockAuditChain } from './audit-chain.lock';
import { GENESIS_HASH, hashAuditRecord, type AuditRecordContent } from './record-hash';

/**
 * Appends records to one schema's chain: lock the chain, read its head (one indexed read),
 * insert the record that links to it. Three statements in the caller's transaction.
 */
export class AuditChainAppender {
  constructor(
    private readonly service: string,
    private readonly schema: string,
    private readonly clock: Clock,
  ) {}

  async append(manager: EntityManager, entry: ValidAuditEntry): Promise<AuditRecordView> {
    await lockAuditChain(manager, this.schema);
    const [head] = await manager.query<Array<{ hash: string }>>(
      `SELECT "hash" FROM "${this.schema}"."audit_record" ORDER BY "seq" DESC LIMIT 1`,
    );
    const content: AuditRecordContent = {
      id: randomUUID(),
      recordedAt: this.clock.now().toISOString(),
      service: this.service,
      ...actorColumns(entry.actor),
      action: entry.action,
      caseId: entry.caseId ?? null,
      target: entry.target ?? null,
      outcome: entry.outcome,
      reason: entry.reason ?? null,
      requestId: entry.requestId ?? null,
      traceId: entry.traceId ?? null,
      policyVersion: entry.policyVersion ?? null,
      previousHash: head?.hash ?? GENESIS_HASH,
    };
    const hash = hashAuditRecord(content);
    const [inserted] = await manager.query<Array<{ seq: string }>>(
      `INSERT INTO "${this.schema}"."audit_record" ("id", "recorded_at", "service", "actor_kind", "actor_sub",
         "actor_entity", "actor_role", "action", "case_id", "target", "outcome", "reason", "request_id",
         "trace_id", "policy_version", "previous_hash", "hash")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       RETURNING "seq"`,
      [
        content.id,
        content.recordedAt,
        content.service,
        content.actorKind,
        content.actorSub,
        content.actorEntity,
        content.actorRole,
        content.action,
        content.caseId,
        content.target,
        content.outcome,
        content.reason,
        content.requestId,
        content.traceId,
        content.policyVersion,
        content.previousHash,
        hash,
      ],
    );
    if (!inserted) throw new Error('The audit record was not inserted');
    return { seq: String(inserted.seq), ...content, hash };
  }
}

function actorColumns(
  actor: ValidAuditEntry['actor'],
): Pick<AuditRecordContent, 'actorKind' | 'actorSub' | 'actorEntity' | 'actorRole'> {
  return actor.kind === 'user'
    ? { actorKind: 'user', actorSub: actor.sub, actorEntity: actor.entity, actorRole: actor.role }
    : { actorKind: 'system', actorSub: actor.service, actorEntity: actor.entity ?? null, actorRole: null };
}
