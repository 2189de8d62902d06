import {
  changeEntity,
  designateFocalPoint,
  EntityRegistryRefused,
  mayAnswerShares,
  registerEntity,
  removeFocalPoint,
  type RegisteredEntity,
  type Registry,
} from './un-entity-registry';

const entity = (code: string, parent: string | null = null, extra: Partial<RegisteredEntity> = {}) => ({
  code,
  kind: 'hq' as const,
  name: `${code} office`,
  parent,
  active: true,
  focalPoints: [],
  ...extra,
});

const given = (...entities: RegisteredEntity[]): Registry =>
  new Map(entities.map((registered) => [registered.code, registered]));

function refusal(step: () => unknown): EntityRegistryRefused {
  try {
    step();
  } catch (error) {
    if (error instanceof EntityRegistryRefused) return error;
    throw error;
  }
  throw new Error('the step was not refused');
}

describe('the registry of UN entities', () => {
  it('given a registered parent, when a field presence is registered under it, then it is active with no focal point', () => {
    const registered = registerEntity(given(entity('OHCHR')), {
      code: 'OHCHR-SEN',
      kind: 'field-presence',
      name: 'OHCHR West Africa',
      parent: 'OHCHR',
    });
    expect(registered).toEqual({
      code: 'OHCHR-SEN',
      kind: 'field-presence',
      name: 'OHCHR West Africa',
      parent: 'OHCHR',
      active: true,
      focalPoints: [],
    });
  });

  it('given a code already used, when registered again, then it is refused naming the code', () => {
    const refused = refusal(() =>
      registerEntity(given(entity('UNDP')), { code: 'UNDP', kind: 'agency', name: 'x' }),
    );
    expect(refused).toMatchObject({ code: 'already-registered', field: 'code' });
  });

  it('given an unknown parent, when registered, then it is refused naming the parent', () => {
    const refused = refusal(() =>
      registerEntity(given(), { code: 'OHCHR-SEN', kind: 'field-presence', name: 'x', parent: 'OHCHR' }),
    );
    expect(refused).toMatchObject({ code: 'invalid', field: 'parent' });
  });

  it('given A above B, when A is moved under B, then the cycle is refused', () => {
    const registry = given(entity('A'), entity('B', 'A'), entity('C', 'B'));
    expect(refusal(() => changeEntity(registry, 'A', { parent: 'C' }))).toMatchObject({ field: 'parent' });
    expect(refusal(() => changeEntity(registry, 'A', { parent: 'A' }))).toMatchObject({ field: 'parent' });
  });

  it('given an entity, when renamed and deactivated, then only those facts change', () => {
    const changed = changeEntity(given(entity('A', null, { focalPoints: ['fp-1'] })), 'A', {
      name: 'Renamed',
      active: false,
    });
    expect(changed).toEqual(entity('A', null, { name: 'Renamed', active: false, focalPoints: ['fp-1'] }));
  });

  it('given an unknown code, when changed, then it is refused as unknown', () => {
    expect(refusal(() => changeEntity(given(), 'NOPE', { name: 'x' }))).toMatchObject({
      code: 'unknown-entity',
    });
  });

  it('given an entity, when the same person is designated twice, then they are its focal point once', () => {
    const registry = given(entity('UNHCR'));
    const once = designateFocalPoint(registry, 'UNHCR', 'fp-1');
    const twice = designateFocalPoint(given(once), 'UNHCR', 'fp-1');
    expect(twice.focalPoints).toEqual(['fp-1']);
  });

  it('given an inactive entity, when a focal point is designated, then it is refused', () => {
    const refused = refusal(() =>
      designateFocalPoint(given(entity('A', null, { active: false })), 'A', 'fp-1'),
    );
    expect(refused).toMatchObject({ code: 'invalid', field: 'code' });
  });

  it('given a person who is not a focal point, when removed, then it is refused as not designated', () => {
    expect(refusal(() => removeFocalPoint(given(entity('A')), 'A', 'fp-1'))).toMatchObject({
      code: 'not-designated',
      field: 'sub',
    });
    expect(
      removeFocalPoint(given(entity('A', null, { focalPoints: ['fp-1', 'fp-2'] })), 'A', 'fp-1').focalPoints,
    ).toEqual(['fp-2']);
  });

  it('given designated focal points, when someone else answers a share, then only the focal points may', () => {
    expect(mayAnswerShares({ focalPoints: ['fp-1'] }, 'fp-1')).toBe(true);
    expect(mayAnswerShares({ focalPoints: ['fp-1'] }, 'officer-2')).toBe(false);
    expect(mayAnswerShares({ focalPoints: [] }, 'officer-2')).toBe(true);
  });
});
