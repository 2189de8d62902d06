import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';
import { actionImpactSchema } from './verification-vocabulary';

/** A response action was carried out, with what it changed for the person. */
export const ResponseActionCompleted = defineEvent({
  type: 'ResponseActionCompleted',
  wireType: 'org.un.reprisals.verification.response-action-completed',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description: 'A response action was carried out, with what it changed for the person.',
  schema: z
    .object({
      caseId: z.uuid(),
      responseActionId: z.uuid(),
      impact: actionImpactSchema,
    })
    .strict(),
});

export type ResponseActionCompletedData = DataOf<typeof ResponseActionCompleted>;
export type ResponseActionCompletedEvent = EventOf<typeof ResponseActionCompleted>;
