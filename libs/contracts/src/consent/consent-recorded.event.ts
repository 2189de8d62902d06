import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { calendarDateSchema } from '../shared-schemas';
import { Topics } from '../topics';
import { CONSENT_FORMS, CONSENT_GIVERS, consentScopesSchema } from './consent-schemas';

/**
 * The lead entity recorded the consent of a victim (or their family, representative or
 * organisation), or a change to it. Each recording is a new version; none is ever erased.
 */
export const ConsentRecorded = defineEvent({
  type: 'ConsentRecorded',
  wireType: 'org.un.reprisals.intake.consent-recorded',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description: 'Consent for a case was recorded or changed: what may be done from now on.',
  schema: z
    .object({
      caseId: z.uuid(),
      consentVersion: z.number().int().positive(),
      scopes: consentScopesSchema,
      givenBy: z.enum(CONSENT_GIVERS),
      givenOn: calendarDateSchema,
      form: z.enum(CONSENT_FORMS),
    })
    .strict(),
});

export type ConsentRecordedData = DataOf<typeof ConsentRecorded>;
export type ConsentRecordedEvent = EventOf<typeof ConsentRecorded>;
