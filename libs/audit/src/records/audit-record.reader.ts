import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import { AuditRecordEntity } from './audit-record.entity';
import { toAuditRecordView, type AuditRecordView } from './audit-record.view';

export const DEFAULT_AUDIT_LIST_LIMIT = 100;
export const MAX_AUDIT_LIST_LIMIT = 1_000;

export interface AuditRecordFilter {
  /**
   * Only what this entity may know of: records about cases it leads or holds an accepted,
   * unexpired share of (the service's case-access projection), and records about no case that
   * its own people made.
   */
  visibleTo?: { entity: string; now: Date };
  caseId?: string;
  /** The actor's token subject (or service name, for system actors). */
  actorSub?: string;
  /** Recorded at or after. */
  from?: Date;
  /** Recorded before. */
  to?: Date;
  /** Only records after this seq: to read the next page. */
  afterSeq?: string;
  /** At most this many records (default 100, at most 1000). */
  limit?: number;
}

/** Reads one schema's audit records in chain (seq) order. */
export class AuditRecordReader {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: AuditRecordFilter = {}): Promise<AuditRecordView[]> {
    const limit = Math.min(
      Math.max(1, Math.trunc(filter.limit ?? DEFAULT_AUDIT_LIST_LIMIT)),
      MAX_AUDIT_LIST_LIMIT,
    );
    const query = this.dataSource
      .getRepository(AuditRecordEntity)
      .createQueryBuilder('record')
      .orderBy('record.seq', 'ASC')
      .limit(limit);
    if (filter.caseId) query.andWhere('record.caseId = :caseId', { caseId: filter.caseId.toLowerCase() });
    if (filter.actorSub) query.andWhere('record.actorSub = :actorSub', { actorSub: filter.actorSub });
    if (filter.from) query.andWhere('record.recordedAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('record.recordedAt < :to', { to: filter.to });
    if (filter.afterSeq) query.andWhere('record.seq > :afterSeq', { afterSeq: filter.afterSeq });
    if (filter.visibleTo) {
      query.andWhere(
        new Brackets((visible) => {
          visible
            .where('record.caseId IS NULL AND record.actorEntity = :viewer')
            .orWhere(
              'EXISTS (SELECT 1 FROM "case_access" ca WHERE ca."case_id" = record.case_id AND ca."lead_entity" = :viewer)',
            )
            .orWhere(
              `EXISTS (SELECT 1 FROM "case_share" cs WHERE cs."case_id" = record.case_id AND cs."entity" = :viewer
                AND cs."status" = 'accepted' AND (cs."expires_at" IS NULL OR cs."expires_at" > :viewedAt))`,
            );
        }),
        { viewer: filter.visibleTo.entity, viewedAt: filter.visibleTo.now },
      );
    }
    return (await query.getMany()).map(toAuditRecordView);
  }

  /**
   * Every record of the contiguous stretch of the chain from the first record recorded at or
   * after `from` to the last one recorded before `to` (the whole chain without bounds).
   */
  async stretch(manager: EntityManager, bounds: { from?: Date; to?: Date }): Promise<AuditRecordView[]> {
    const repository = manager.getRepository(AuditRecordEntity);
    const first = bounds.from && (await this.edge(manager, 'MIN', 'record.recordedAt >= :at', bounds.from));
    const last = bounds.to && (await this.edge(manager, 'MAX', 'record.recordedAt < :at', bounds.to));
    if (first === null || last === null) return [];
    const query = repository.createQueryBuilder('record').orderBy('record.seq', 'ASC');
    if (first !== undefined) query.andWhere('record.seq >= :first', { first });
    if (last !== undefined) query.andWhere('record.seq <= :last', { last });
    return (await query.getMany()).map(toAuditRecordView);
  }

  private async edge(
    manager: EntityManager,
    aggregate: 'MIN' | 'MAX',
    condition: string,
    at: Date,
  ): Promise<string | null> {
    const row = await manager
      .getRepository(AuditRecordEntity)
      .createQueryBuilder('record')
      .select(`${aggregate}(record.seq)`, 'edge')
      .where(condition, { at })
      .getRawOne<{ edge: string | null }>();
    return row?.edge ?? null;
  }
}
