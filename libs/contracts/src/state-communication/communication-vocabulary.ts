import { z } from 'zod';

/** What the UN sends a State about a case (the policy file gives each its reply deadline and reminders). */
export const CASE_COMMUNICATION_KINDS = [
  'note-verbale',
  'urgent-appeal',
  'allegation-letter',
  'senior-letter',
  'hrc-president-letter',
  'follow-up-letter',
] as const;
/** Everything the UN sends a State: the letters about cases, and the call for input sent to every State for a report. */
export const COMMUNICATION_KINDS = [...CASE_COMMUNICATION_KINDS, 'call-for-input'] as const;
/** The languages communications are drafted in. */
export const COMMUNICATION_LANGUAGES = ['en', 'fr', 'es'] as const;

export const communicationKindSchema = z.enum(COMMUNICATION_KINDS);
export const caseCommunicationKindSchema = z.enum(CASE_COMMUNICATION_KINDS);
export const communicationLanguageSchema = z.enum(COMMUNICATION_LANGUAGES);
export type CommunicationKind = z.infer<typeof communicationKindSchema>;
export type CaseCommunicationKind = z.infer<typeof caseCommunicationKindSchema>;
export type CommunicationLanguage = z.infer<typeof communicationLanguageSchema>;
