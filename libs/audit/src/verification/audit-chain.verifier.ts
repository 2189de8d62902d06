import type { DataSource, EntityManager } from 'typeorm';
import { AuditCheckpointEntity } from '../checkpoints/audit-checkpoint.entity';
import { toAuditCheckpointView } from '../checkpoints/audit-checkpoint.view';
import { AuditRecordEntity } from '../records/audit-record.entity';
import { toAuditRecordView } from '../records/audit-record.view';
import type { TrustedAuditKeys } from '../signing/trusted-keys';
import type { AuditProblem, AuditVerification } from './audit-verification';
import { ChainWalk, describeUnlinked, type ChainPosition } from './chain-walk';

const BATCH = 1_000;

/**
 * Walks one schema's whole audit chain in seq order, in one REPEATABLE READ snapshot, reading
 * records in batches, and checks every stored checkpoint against the trusted keys.
 */
export class AuditChainVerifier {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: TrustedAuditKeys,
  ) {}

  verify(): Promise<AuditVerification> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const checkpoints = await manager
        .getRepository(AuditCheckpointEntity)
        .find({ order: { seq: 'ASC' } })
        .then((rows) => rows.map(toAuditCheckpointView));
      const walk = new ChainWalk(checkpoints, this.keys);
      const records = manager.getRepository(AuditRecordEntity);
      let after: string | undefined;
      for (;;) {
        const query = records.createQueryBuilder('record').orderBy('record.seq', 'ASC').limit(BATCH);
        if (after !== undefined) query.where('record.seq > :after', { after });
        const batch = await query.getMany();
        for (const row of batch) {
          const step = walk.next(toAuditRecordView(row));
          if (step.kind === 'problem') return walk.result(step.problem);
          if (step.kind === 'unlinked') {
            const linked = await positionWithHash(manager, step.unlinked.previousHash);
            const afterLinked = linked && (await positionAfter(manager, linked.seq));
            return walk.result(describeUnlinked(step.unlinked, linked, afterLinked));
          }
        }
        const last = batch[batch.length - 1];
        if (!last || batch.length < BATCH) break;
        after = last.seq;
      }
      const missing: AuditProblem | undefined = walk.end();
      return walk.result(missing);
    });
  }
}

async function positionWithHash(manager: EntityManager, hash: string): Promise<ChainPosition | undefined> {
  const row = await manager
    .getRepository(AuditRecordEntity)
    .findOne({ select: { seq: true, id: true }, where: { hash } });
  return row ? { seq: row.seq, id: row.id } : undefined;
}

async function positionAfter(manager: EntityManager, seq: string): Promise<ChainPosition | undefined> {
  const row = await manager
    .getRepository(AuditRecordEntity)
    .createQueryBuilder('record')
    .select(['record.seq', 'record.id'])
    .where('record.seq > :seq', { seq })
    .orderBy('record.seq', 'ASC')
    .limit(1)
    .getOne();
  return row ? { seq: row.seq, id: row.id } : undefined;
}
