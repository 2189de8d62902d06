import { z } from 'zod';

/** What the UN sends a State (the policy file gives each its reply deadline and reminders). */
export const COMMUNICATION_KINDS = [
  'note-verbale',
  'urgent-appeal',
  'allegation-letter',
  'senior-letter',
  'hrc-president-letter',
  'follow-up-letter',
] as const;
/** The languages communications are drafted in. */
export const COMMUNICATION_LANGUAGES = ['en', 'fr', 'es'] as const;

export const communicationKindSchema = z.enum(COMMUNICATION_KINDS);
export const communicationLanguageSchema = z.enum(COMMUNICATION_LANGUAGES);
export type CommunicationKind = z.infer<typeof communicationKindSchema>;
export type CommunicationLanguage = z.infer<typeof communicationLanguageSchema>;
