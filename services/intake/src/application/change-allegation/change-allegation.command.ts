import { z } from 'zod';
import { intakeChannelSchema } from '@reprisals/contracts';
import {
  actSchema,
  cooperationSchema,
  individualVictimSchema,
  organisationVictimSchema,
  sourceSchema,
} from '../receive-allegation/receive-allegation.command';

const keeps = (prefix: 'V' | 'S', who: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}-[0-9A-Z]{4}$`), `must be a pseudonym such as ${prefix}-7F3K`)
    .optional()
    .describe(`The ${who} this entry corrects (keeps its pseudonym); leave out for a new one`);

/** A victim as corrected: with its pseudonym, or new. Victims left out of the list are removed. */
const changedVictimSchema = z.discriminatedUnion('kind', [
  individualVictimSchema.extend({ pseudonym: keeps('V', 'victim') }),
  organisationVictimSchema.extend({ pseudonym: keeps('V', 'victim') }),
]);

/** What the lead entity may correct or complete; anything else is refused as unknown. */
export const changeAllegationCommandSchema = z
  .strictObject({
    summary: z
      .string()
      .trim()
      .min(20, 'must be at least 20 characters')
      .max(4000, 'must be at most 4000 characters')
      .optional()
      .describe('Non-identifying summary'),
    submissionLanguage: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as en, fr or es')
      .optional()
      .describe('Language of the submission'),
    receivedVia: intakeChannelSchema.optional().describe('How the allegation reached the entity'),
    cooperation: cooperationSchema.optional().describe('Replaces the cooperation as a whole'),
    victims: z
      .array(changedVictimSchema)
      .min(1, 'must name at least one victim')
      .max(50)
      .optional()
      .describe(
        'Replaces the victims: entries with a pseudonym correct that victim, others are added, the rest removed',
      ),
    sources: z
      .array(sourceSchema.extend({ pseudonym: keeps('S', 'source') }))
      .max(20)
      .optional()
      .describe('Replaces the sources, as for victims'),
    acts: z
      .array(actSchema)
      .min(1, 'must describe at least one act')
      .max(50)
      .optional()
      .describe('Replaces the acts as a whole'),
    detailedAccount: z
      .string()
      .trim()
      .min(20, 'must be at least 20 characters')
      .max(50_000, 'must be at most 50000 characters')
      .optional()
      .describe('Replaces the detailed account (sealed)'),
  })
  .refine((change) => Object.keys(change).length > 0, { message: 'name at least one field to change' });

export type ChangeAllegationCommand = z.infer<typeof changeAllegationCommandSchema>;
