import { entityCodeSchema } from '@reprisals/contracts';
import { EntityRegistryError, loadEntityRegistry, parseEntityRegistry } from './entity-registry.loader';
import { UN_ENTITY_KINDS } from './un-entity';

describe('the registry of UN entities', () => {
  const registry = loadEntityRegistry();

  it('given the seeded file, when loaded, then every code is unique and a valid entity code', () => {
    const codes = registry.all().map((entity) => entity.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(entityCodeSchema.safeParse(code).success).toBe(true);
  });

  it('given the seeded file, when loaded, then it holds the main entities the resolution names', () => {
    for (const code of [
      'OHCHR',
      'SPECIAL-PROCEDURES',
      'TREATY-BODIES',
      'HRC-PRESIDENT',
      'ASG-HR',
      'MONUSCO',
      'UNDP',
      'UNHCR',
      'UNICEF',
      'UN-WOMEN',
    ]) {
      expect(registry.isKnown(code)).toBe(true);
    }
    expect(new Set(registry.all().map((entity) => entity.kind))).toEqual(new Set(UN_ENTITY_KINDS));
  });

  it('given the seeded file, when a field presence is found, then it names OHCHR as its parent', () => {
    expect(registry.find('OHCHR-COL')).toEqual({
      code: 'OHCHR-COL',
      kind: 'field-presence',
      name: 'OHCHR country office in Colombia',
      parent: 'OHCHR',
    });
    const presences = registry.all().filter((entity) => entity.kind === 'field-presence');
    expect(presences.length).toBeGreaterThanOrEqual(5);
    for (const presence of presences) expect(presence.parent).toBe('OHCHR');
  });

  it('given an unknown code, when looked up, then it is not found', () => {
    expect(registry.find('NOT-AN-ENTITY')).toBeUndefined();
    expect(registry.isKnown('ohchr')).toBe(false);
  });

  it('given a code listed twice and an unknown parent, when parsed, then both problems are named', () => {
    const text = `
version: 1
entities:
  - { code: OHCHR, kind: hq, name: Office of the High Commissioner }
  - { code: OHCHR, kind: hq, name: Again }
  - { code: OHCHR-XYZ, kind: field-presence, name: Somewhere, parent: OHCHR-HQ }
`;
    expect(() => parseEntityRegistry(text, 'test.yaml')).toThrow(
      new EntityRegistryError('test.yaml', [
        'entities.1.code: OHCHR is listed twice',
        'entities.2.parent: OHCHR-HQ is not another listed entity',
      ]),
    );
  });

  it.each([
    ['a lower-case code', '{ code: ohchr, kind: hq, name: OHCHR }'],
    ['an unknown kind', '{ code: OHCHR, kind: ministry, name: OHCHR }'],
    ['an empty name', "{ code: OHCHR, kind: hq, name: '' }"],
    ['an unknown field', '{ code: OHCHR, kind: hq, name: OHCHR, focalPointEmail: someone }'],
  ])('given %s, when parsed, then the registry is refused', (_label, entity) => {
    expect(() => parseEntityRegistry(`version: 1\nentities:\n  - ${entity}\n`)).toThrow(EntityRegistryError);
  });

  it('given text that is not YAML, when parsed, then it is refused with the reason', () => {
    expect(() => parseEntityRegistry('entities: [', 'broken.yaml')).toThrow(
      /broken.yaml is not valid: not valid YAML/,
    );
  });

  it('given a missing file, when loaded, then the error names the file', () => {
    expect(() => loadEntityRegistry('/nonexistent/un-entities.yaml')).toThrow(
      'Entity registry /nonexistent/un-entities.yaml is not valid: cannot read the file (ENOENT)',
    );
  });
});
