import { z } from 'zod';
import { defineEvent } from './integration-event';
import { upcastData, UnsupportedSchemaVersionError } from './upcast';
import { Topics } from './topics';

/** A version 2 shape that renamed `state` (v1) to `stateConcerned`. */
const SomethingHappened = defineEvent({
  type: 'SomethingHappened',
  wireType: 'org.un.reprisals.test.something-happened',
  version: 2,
  producer: 'intake',
  topic: Topics.intake,
  description: 'test',
  schema: z.object({ stateConcerned: z.string() }).strict(),
  upcasters: [
    {
      fromVersion: 1,
      upcast: (data) => {
        const { state } = data as { state: string };
        return { stateConcerned: state };
      },
    },
  ],
});

describe('upcasting event data on read', () => {
  it('given a v1 payload, when read by a v2 reader, then it has the v2 shape', () => {
    const upcast = upcastData(SomethingHappened, 1, { state: 'ABC' });
    expect(SomethingHappened.schema.parse(upcast)).toEqual({ stateConcerned: 'ABC' });
  });

  it('given a payload from a newer producer, when read, then it is refused', () => {
    expect(() => upcastData(SomethingHappened, 3, {})).toThrow(UnsupportedSchemaVersionError);
  });

  it('given current data, when read, then it is unchanged', () => {
    expect(upcastData(SomethingHappened, 2, { stateConcerned: 'ABC' })).toEqual({ stateConcerned: 'ABC' });
  });
});
