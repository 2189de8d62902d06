import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { calendarDateSchema } from '../shared-schemas';
import { Topics } from '../topics';
import { CONSENT_FORMS, CONSENT_GIVERS } from './consent-schemas';

/**
 * Consent for the case was withdrawn: from now on nothing may be raised with the State, shared
 * or published on its basis, in any service. Earlier steps stay in the history.
 */
export const ConsentWithdrawn = defineEvent({
  type: 'ConsentWithdrawn',
  wireType: 'org.un.reprisals.intake.consent-withdrawn',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description: 'Consent for a case was withdrawn: every scope is now no.',
  schema: z
    .object({
      caseId: z.uuid(),
      consentVersion: z.number().int().positive(),
      withdrawnBy: z.enum(CONSENT_GIVERS),
      withdrawnOn: calendarDateSchema,
      form: z.enum(CONSENT_FORMS),
    })
    .strict(),
});

export type ConsentWithdrawnData = DataOf<typeof ConsentWithdrawn>;
export type ConsentWithdrawnEvent = EventOf<typeof ConsentWithdrawn>;
