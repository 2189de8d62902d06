import type { UnEntity } from './un-entity';

/** The UN entities of the seed file, by code. The live registry is intake's, edited by admins. */
export class EntityRegistry {
  private readonly byCode: ReadonlyMap<string, UnEntity>;

  constructor(
    entities: readonly UnEntity[],
    readonly version = 1,
  ) {
    const byCode = new Map<string, UnEntity>();
    for (const entity of entities) {
      if (byCode.has(entity.code)) throw new Error(`Entity listed twice: ${entity.code}`);
      byCode.set(entity.code, Object.freeze({ ...entity }));
    }
    this.byCode = byCode;
  }

  find(code: string): UnEntity | undefined {
    return this.byCode.get(code);
  }

  isKnown(code: string): boolean {
    return this.byCode.has(code);
  }

  /** Every entity, in the order of the registry file. */
  all(): UnEntity[] {
    return [...this.byCode.values()];
  }
}
