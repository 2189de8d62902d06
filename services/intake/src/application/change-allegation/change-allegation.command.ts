import { z } from 'zod';
import { intakeChannelSchema } from '@reprisals/contracts';
import { cooperationSchema } from '../receive-allegation/receive-allegation.command';

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
