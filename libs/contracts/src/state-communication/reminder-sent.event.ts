import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { calendarDateSchema, stateCodeSchema } from '../shared-schemas';
import { Topics } from '../topics';

/** A reminder of the reply deadline was sent to the Permanent Mission. */
export const ReminderSent = defineEvent({
  type: 'ReminderSent',
  wireType: 'org.un.reprisals.state-communication.reminder-sent',
  version: 1,
  producer: 'state-communication',
  topic: Topics['state-communication'],
  description: 'A reminder of the reply deadline was sent to the Permanent Mission.',
  schema: z
    .object({
      caseId: z.uuid(),
      communicationId: z.uuid(),
      stateConcerned: stateCodeSchema,
      reminder: z.number().int().positive(),
      replyDueOn: calendarDateSchema,
    })
    .strict(),
});

export type ReminderSentData = DataOf<typeof ReminderSent>;
export type ReminderSentEvent = EventOf<typeof ReminderSent>;
