import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';
import { responseActionCancellationSchema } from './verification-vocabulary';

/** A proposed or decided response action was cancelled (consent withdrawn, protection risk, case closed, or by a person). */
export const ResponseActionCancelled = defineEvent({
  type: 'ResponseActionCancelled',
  wireType: 'org.un.reprisals.verification.response-action-cancelled',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description:
    'A proposed or decided response action was cancelled (consent withdrawn, protection risk, case closed, or by a person).',
  schema: z
    .object({
      caseId: z.uuid(),
      responseActionId: z.uuid(),
      reason: responseActionCancellationSchema,
    })
    .strict(),
});

export type ResponseActionCancelledData = DataOf<typeof ResponseActionCancelled>;
export type ResponseActionCancelledEvent = EventOf<typeof ResponseActionCancelled>;
