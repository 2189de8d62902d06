import { z } from 'zod';
import { caseCommunicationKindSchema, communicationLanguageSchema } from '@reprisals/contracts';

export const draftCommunicationSchema = z.strictObject({
  caseId: z.uuid().describe('The case the communication is about'),
  kind: caseCommunicationKindSchema.describe(
    'note-verbale, urgent-appeal, allegation-letter, senior-letter, hrc-president-letter, follow-up-letter',
  ),
  language: communicationLanguageSchema.default('en').describe('en, fr or es (en by default)'),
});
export type DraftCommunicationCommand = z.infer<typeof draftCommunicationSchema>;
