import type { EntityManager } from 'typeorm';
import type { RegisteredEntity } from '../../domain/un-entity-registry';
import { EntityFocalPointRecordEntity } from './entity-focal-point-record.entity';
import { UnEntityRecordEntity } from './un-entity-record.entity';

/** Registry edits are rare: one at a time keeps the parent chain free of cycles. */
export async function lockRegistry(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('intake.un_entity'))`);
}

/** The whole registry (a few dozen rows), in code order. */
export async function loadRegistry(manager: EntityManager): Promise<Map<string, RegisteredEntity>> {
  const [rows, points] = await Promise.all([
    manager.getRepository(UnEntityRecordEntity).find({ order: { code: 'ASC' } }),
    manager.getRepository(EntityFocalPointRecordEntity).find({ order: { designatedAt: 'ASC', sub: 'ASC' } }),
  ]);
  const registry = new Map<string, RegisteredEntity>();
  for (const row of rows) {
    registry.set(
      row.code,
      toRegisteredEntity(
        row,
        points.filter((point) => point.entityCode === row.code),
      ),
    );
  }
  return registry;
}

export async function findRegisteredEntity(
  manager: EntityManager,
  code: string,
): Promise<RegisteredEntity | undefined> {
  const row = await manager.getRepository(UnEntityRecordEntity).findOneBy({ code });
  if (!row) return undefined;
  const points = await manager
    .getRepository(EntityFocalPointRecordEntity)
    .find({ where: { entityCode: code }, order: { designatedAt: 'ASC', sub: 'ASC' } });
  return toRegisteredEntity(row, points);
}

function toRegisteredEntity(
  row: UnEntityRecordEntity,
  points: readonly EntityFocalPointRecordEntity[],
): RegisteredEntity {
  return {
    code: row.code,
    kind: row.kind,
    name: row.name,
    parent: row.parent,
    active: row.active,
    focalPoints: points.map((point) => point.sub),
  };
}

/** Whether a case may be offered or handed to this entity now. */
export async function isActiveEntity(manager: EntityManager, code: string): Promise<boolean> {
  return manager.getRepository(UnEntityRecordEntity).existsBy({ code, active: true });
}

/** Writes an entity's facts and focal points as the domain decided them. */
export async function saveRegisteredEntity(
  manager: EntityManager,
  before: RegisteredEntity | undefined,
  after: RegisteredEntity,
  by: { sub: string; at: Date },
): Promise<void> {
  await manager.getRepository(UnEntityRecordEntity).upsert(
    {
      code: after.code,
      kind: after.kind,
      name: after.name,
      parent: after.parent,
      active: after.active,
      updatedAt: by.at,
      updatedBySub: by.sub,
    },
    ['code'],
  );
  const previous = new Set(before?.focalPoints ?? []);
  const added = after.focalPoints.filter((sub) => !previous.has(sub));
  const removed = [...previous].filter((sub) => !after.focalPoints.includes(sub));
  const points = manager.getRepository(EntityFocalPointRecordEntity);
  if (added.length > 0) {
    await points.insert(
      added.map((sub) => ({ entityCode: after.code, sub, designatedBySub: by.sub, designatedAt: by.at })),
    );
  }
  for (const sub of removed) await points.delete({ entityCode: after.code, sub });
}
