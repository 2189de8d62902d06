import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';

/** A dispatch was stopped because consent no longer allows it or a protection risk withholds the case. */
export const DispatchStopped = defineEvent({
  type: 'DispatchStopped',
  wireType: 'org.un.reprisals.state-communication.dispatch-stopped',
  version: 1,
  producer: 'state-communication',
  topic: Topics['state-communication'],
  description:
    'A dispatch was stopped because consent no longer allows it or a protection risk withholds the case.',
  schema: z
    .object({
      caseId: z.uuid(),
      communicationId: z.uuid(),
      reason: z.enum(['no-consent', 'protection-risk']),
    })
    .strict(),
});

export type DispatchStoppedData = DataOf<typeof DispatchStopped>;
export type DispatchStoppedEvent = EventOf<typeof DispatchStopped>;
