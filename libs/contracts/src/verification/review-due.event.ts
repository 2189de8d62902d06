import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { calendarDateSchema } from '../shared-schemas';
import { Topics } from '../topics';

/** A decided action reached its review date. */
export const ReviewDue = defineEvent({
  type: 'ReviewDue',
  wireType: 'org.un.reprisals.verification.review-due',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description: 'A decided action reached its review date.',
  schema: z
    .object({
      caseId: z.uuid(),
      responseActionId: z.uuid(),
      reviewOn: calendarDateSchema,
    })
    .strict(),
});

export type ReviewDueData = DataOf<typeof ReviewDue>;
export type ReviewDueEvent = EventOf<typeof ReviewDue>;
