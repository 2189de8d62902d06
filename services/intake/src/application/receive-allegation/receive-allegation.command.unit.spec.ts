import { openApiSchemaOf } from '@reprisals/service-platform';
import { receiveAllegationCommandSchema } from './receive-allegation.command';
import { RECEIVE_ALLEGATION_EXAMPLE } from './receive-allegation.example';

type JsonSchema = {
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/** Every property of the schema, by path, that has no description. */
function undescribed(node: JsonSchema, path: string): string[] {
  const own = Object.entries(node.properties ?? {}).flatMap(([name, property]) => [
    ...(property.description ? [] : [`${path}.${name}`]),
    ...undescribed(property, `${path}.${name}`),
  ]);
  const nested = [node.items, ...(node.anyOf ?? []), ...(node.oneOf ?? [])]
    .filter((child): child is JsonSchema => child !== undefined)
    .flatMap((child) => undescribed(child, `${path}[]`));
  return [...own, ...nested];
}

describe('the allegation an officer records', () => {
  it('given the OpenAPI document, when read, then every field of the body is described', () => {
    expect(undescribed(openApiSchemaOf(receiveAllegationCommandSchema) as JsonSchema, 'body')).toEqual([]);
  });

  it('given the example the document shows, when validated, then it is a valid allegation using every part', () => {
    const parsed = receiveAllegationCommandSchema.safeParse(RECEIVE_ALLEGATION_EXAMPLE);
    expect(parsed.error?.issues ?? []).toEqual([]);
    const shape = Object.keys(receiveAllegationCommandSchema.shape);
    expect(Object.keys(RECEIVE_ALLEGATION_EXAMPLE).sort()).toEqual(shape.sort());
  });

  it('given a contradictory act and a missing mandate, when validated, then both are named with the other errors', () => {
    const parsed = receiveAllegationCommandSchema.safeParse({
      ...RECEIVE_ALLEGATION_EXAMPLE,
      summary: 'short',
      cooperation: { mechanism: 'treaty-body', category: 'a' },
      acts: [{ ...RECEIVE_ALLEGATION_EXAMPLE.acts[1], periodFrom: '2026-04-01', periodTo: '2026-03-01' }],
    });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'acts.0.periodTo',
      'cooperation.detail',
      'summary',
    ]);
  });
});
