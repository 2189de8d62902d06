import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '@reprisals/kernel';
import { lockAuditChain } from '../chain/audit-chain.lock';
import type { AuditSigner } from '../signing/audit-signer';
import { checkpointPayload } from '../signing/checkpoint-signature';
import type { AuditCheckpointView } from './audit-checkpoint.view';

/** Called in the checkpoint's transaction, e.g. to write an event about it to the outbox. */
export type CheckpointPublisher = (manager: EntityManager, checkpoint: AuditCheckpointView) => Promise<void>;

/**
 * Signs the current head of one schema's chain and stores the checkpoint, under the chain lock
 * so that no record is appended in between. Counts incrementally from the last checkpoint.
 */
export class AuditCheckpointWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly clock: Clock,
    private readonly signer: AuditSigner,
  ) {}

  write(publish?: CheckpointPublisher): Promise<AuditCheckpointView | undefined> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      await lockAuditChain(manager, this.schema);
      const [head] = await manager.query<Array<{ seq: string; hash: string }>>(
        `SELECT "seq", "hash" FROM "${this.schema}"."audit_record" ORDER BY "seq" DESC LIMIT 1`,
      );
      if (!head) return undefined;
      const [previous] = await manager.query<Array<{ last_seq: string; record_count: string }>>(
        `SELECT "last_seq", "record_count" FROM "${this.schema}"."audit_checkpoint" ORDER BY "seq" DESC LIMIT 1`,
      );
      if (previous && BigInt(previous.last_seq) >= BigInt(head.seq)) return undefined;
      const [added] = await manager.query<Array<{ count: string }>>(
        `SELECT count(*) AS "count" FROM "${this.schema}"."audit_record" WHERE "seq" > $1`,
        [previous?.last_seq ?? '0'],
      );
      const unsigned: Omit<AuditCheckpointView, 'signature'> = {
        id: randomUUID(),
        createdAt: this.clock.now().toISOString(),
        lastSeq: String(head.seq),
        headHash: head.hash,
        recordCount: Number(previous?.record_count ?? 0) + Number(added?.count ?? 0),
        keyId: this.signer.keyId,
        algorithm: this.signer.algorithm,
      };
      const checkpoint: AuditCheckpointView = {
        ...unsigned,
        signature: this.signer.sign(checkpointPayload(unsigned)),
      };
      await manager.query(
        `INSERT INTO "${this.schema}"."audit_checkpoint" ("id", "created_at", "last_seq", "head_hash",
           "record_count", "key_id", "algorithm", "signature") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          checkpoint.id,
          checkpoint.createdAt,
          checkpoint.lastSeq,
          checkpoint.headHash,
          checkpoint.recordCount,
          checkpoint.keyId,
          checkpoint.algorithm,
          checkpoint.signature,
        ],
      );
      if (publish) await publish(manager, checkpoint);
      return checkpoint;
    });
  }
}
