import { openApiSchemaOf } from '@reprisals/service-platform';
import { undescribedProperties, type DescribedSchema } from '@reprisals/testing';
import { receiveAllegationCommandSchema } from './receive-allegation.command';
import { RECEIVE_ALLEGATION_EXAMPLE } from './receive-allegation.example';

describe('the allegation an officer records', () => {
  it('given the OpenAPI document, when read, then every field of the body is described', () => {
    expect(
      undescribedProperties(openApiSchemaOf(receiveAllegationCommandSchema) as DescribedSchema, 'body'),
    ).toEqual([]);
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
