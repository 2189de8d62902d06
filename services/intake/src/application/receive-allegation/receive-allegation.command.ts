import { z } from 'zod';
import { calendarDateSchema, intakeChannelSchema, stateCodeSchema } from '@reprisals/contracts';

/** The minimum an entity records when an allegation arrives. Unknown fields are refused. */
export const receiveAllegationCommandSchema = z
  .object({
    stateConcerned: stateCodeSchema.describe('ISO 3166-1 alpha-3 code of the State concerned'),
    receivedVia: intakeChannelSchema.describe('How the allegation reached the entity'),
    receivedOn: calendarDateSchema.describe('Date the allegation was received (not in the future)'),
    summary: z
      .string()
      .trim()
      .min(20, 'must be at least 20 characters')
      .max(4000, 'must be at most 4000 characters')
      .describe('Non-identifying summary: no names, contacts or other identifying details'),
    submissionLanguage: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as en, fr or es')
      .default('en')
      .describe('Language of the submission'),
  })
  .strict();

export type ReceiveAllegationCommand = z.infer<typeof receiveAllegationCommandSchema>;

export interface AllegationReceipt {
  id: string;
  reference: string;
}
