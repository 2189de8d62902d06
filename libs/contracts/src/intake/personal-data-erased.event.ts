import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';

/** Why a case's personal data was erased: a fixed code (the officer's note stays in intake). */
export const ERASURE_REASONS = [
  'request-of-the-person',
  'protection-risk',
  'retention-period-ended',
  'recorded-in-error',
  'other',
] as const;

/**
 * The case's data key was destroyed: every identity, source, account and attachment sealed for it
 * is unreadable for good. The non-identifying record, the statistics and the audit trail remain.
 */
export const PersonalDataErased = defineEvent({
  type: 'PersonalDataErased',
  wireType: 'org.un.reprisals.intake.personal-data-erased',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description: 'The personal data of a case was erased by destroying its encryption key.',
  schema: z
    .object({
      caseId: z.uuid(),
      reason: z.enum(ERASURE_REASONS),
    })
    .strict(),
});

export type PersonalDataErasedData = DataOf<typeof PersonalDataErased>;
export type PersonalDataErasedEvent = EventOf<typeof PersonalDataErased>;
