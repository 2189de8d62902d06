import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';

/** A dispatch attempt failed; it is tried again, or shown as failed after the last attempt. */
export const DispatchFailed = defineEvent({
  type: 'DispatchFailed',
  wireType: 'org.un.reprisals.state-communication.dispatch-failed',
  version: 1,
  producer: 'state-communication',
  topic: Topics['state-communication'],
  description: 'A dispatch attempt failed; it is tried again, or shown as failed after the last attempt.',
  schema: z
    .object({
      caseId: z.uuid(),
      communicationId: z.uuid(),
      attempts: z.number().int().positive(),
      final: z.boolean(),
    })
    .strict(),
});

export type DispatchFailedData = DataOf<typeof DispatchFailed>;
export type DispatchFailedEvent = EventOf<typeof DispatchFailed>;
