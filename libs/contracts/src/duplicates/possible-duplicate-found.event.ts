import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';
import { matchedOnSchema } from './duplicate-schemas';

/**
 * Intake found that a case shares an identifier with another case, of any entity, by comparing
 * keyed hashes (nothing was decrypted). Ids and kinds only: which person, organisation or contact
 * matched stays sealed in intake.
 */
export const PossibleDuplicateFound = defineEvent({
  type: 'PossibleDuplicateFound',
  wireType: 'org.un.reprisals.intake.possible-duplicate-found',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description:
    'The case shares a person, organisation or contact with another case (by keyed hash); an officer decides whether to link them.',
  schema: z
    .object({
      caseId: z.uuid(),
      otherCaseId: z.uuid(),
      matchedOn: matchedOnSchema,
    })
    .strict()
    .refine((data) => data.caseId !== data.otherCaseId, {
      path: ['otherCaseId'],
      message: 'must be another case',
    }),
});

export type PossibleDuplicateFoundData = DataOf<typeof PossibleDuplicateFound>;
export type PossibleDuplicateFoundEvent = EventOf<typeof PossibleDuplicateFound>;
