import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';
import { closureReasonSchema, referralSchema } from './verification-vocabulary';

/** The case left the response protocol, with the reason. */
export const CaseClosed = defineEvent({
  type: 'CaseClosed',
  wireType: 'org.un.reprisals.verification.case-closed',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description: 'The case left the response protocol, with the reason.',
  schema: z
    .object({
      caseId: z.uuid(),
      reason: closureReasonSchema,
      referral: referralSchema.optional(),
    })
    .strict(),
});

export type CaseClosedData = DataOf<typeof CaseClosed>;
export type CaseClosedEvent = EventOf<typeof CaseClosed>;
