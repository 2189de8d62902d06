import type { UnEntity, UnEntityKind } from '@reprisals/case-access';

/** A UN entity as the registry holds it: the seeded facts, whether it takes new cases, and its focal points. */
export interface RegisteredEntity {
  code: string;
  kind: UnEntityKind;
  name: string;
  parent: string | null;
  /** An inactive entity keeps its history and current shares but is offered no new share or lead. */
  active: boolean;
  /** Account ids (token subjects) of the people who answer shares offered to the entity. */
  focalPoints: string[];
}

export interface EntityChange {
  name?: string;
  kind?: UnEntityKind;
  parent?: string | null;
  active?: boolean;
}

/** Why a registry edit is refused: the code says how to answer it, the field what to correct. */
export class EntityRegistryRefused extends Error {
  override readonly name = 'EntityRegistryRefused';
  constructor(
    readonly code: 'invalid' | 'already-registered' | 'unknown-entity' | 'not-designated',
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

export type Registry = ReadonlyMap<string, RegisteredEntity>;

/** Adds an entity; codes are never reused, and a parent must already be registered. */
export function registerEntity(registry: Registry, draft: UnEntity): RegisteredEntity {
  if (registry.has(draft.code)) {
    throw new EntityRegistryRefused('already-registered', 'code', `${draft.code} is already registered`);
  }
  const parent = draft.parent ?? null;
  if (parent !== null) requireParent(registry, draft.code, parent);
  return { code: draft.code, kind: draft.kind, name: draft.name, parent, active: true, focalPoints: [] };
}

/** Renames, re-kinds, re-parents, deactivates or reactivates an entity. Its code never changes. */
export function changeEntity(registry: Registry, code: string, change: EntityChange): RegisteredEntity {
  const entity = requireEntity(registry, code);
  if (change.parent !== undefined && change.parent !== null) requireParent(registry, code, change.parent);
  return {
    ...entity,
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.kind !== undefined ? { kind: change.kind } : {}),
    ...(change.parent !== undefined ? { parent: change.parent } : {}),
    ...(change.active !== undefined ? { active: change.active } : {}),
  };
}

/** Names a person (by account id) as a focal point of an active entity; naming them twice changes nothing. */
export function designateFocalPoint(registry: Registry, code: string, sub: string): RegisteredEntity {
  const entity = requireEntity(registry, code);
  if (!entity.active) {
    throw new EntityRegistryRefused('invalid', 'code', `${code} is inactive: reactivate it first`);
  }
  if (entity.focalPoints.includes(sub)) return entity;
  return { ...entity, focalPoints: [...entity.focalPoints, sub] };
}

export function removeFocalPoint(registry: Registry, code: string, sub: string): RegisteredEntity {
  const entity = requireEntity(registry, code);
  if (!entity.focalPoints.includes(sub)) {
    throw new EntityRegistryRefused('not-designated', 'sub', 'is not a focal point of this entity');
  }
  return { ...entity, focalPoints: entity.focalPoints.filter((point) => point !== sub) };
}

/**
 * Who may answer a share offered to an entity: its designated focal points; while it has none,
 * anyone of the entity whose role lets them answer shares (the policy's share:respond).
 */
export function mayAnswerShares(entity: Pick<RegisteredEntity, 'focalPoints'>, sub: string): boolean {
  return entity.focalPoints.length === 0 || entity.focalPoints.includes(sub);
}

function requireEntity(registry: Registry, code: string): RegisteredEntity {
  const entity = registry.get(code);
  if (!entity) throw new EntityRegistryRefused('unknown-entity', 'code', `${code} is not registered`);
  return entity;
}

/** The parent exists and is not the entity itself or one of its descendants (no cycles). */
function requireParent(registry: Registry, code: string, parent: string): void {
  if (!registry.has(parent)) {
    throw new EntityRegistryRefused('invalid', 'parent', `${parent} is not a registered entity`);
  }
  for (
    let ancestor: string | null = parent;
    ancestor !== null;
    ancestor = registry.get(ancestor)?.parent ?? null
  ) {
    if (ancestor === code) {
      throw new EntityRegistryRefused('invalid', 'parent', `${parent} belongs to ${code}: no cycles`);
    }
  }
}
