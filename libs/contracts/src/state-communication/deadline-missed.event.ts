import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { calendarDateSchema, stateCodeSchema } from '../shared-schemas';
import { Topics } from '../topics';

/** The State concerned did not reply to a communication by its deadline. */
export const DeadlineMissed = defineEvent({
  type: 'DeadlineMissed',
  wireType: 'org.un.reprisals.state-communication.deadline-missed',
  version: 1,
  producer: 'state-communication',
  topic: Topics['state-communication'],
  description: 'The State concerned did not reply to a communication by its deadline.',
  schema: z
    .object({
      caseId: z.uuid(),
      communicationId: z.uuid(),
      stateConcerned: stateCodeSchema,
      deadline: calendarDateSchema,
      responseActionId: z.uuid().optional(),
    })
    .strict(),
});

export type DeadlineMissedData = DataOf<typeof DeadlineMissed>;
export type DeadlineMissedEvent = EventOf<typeof DeadlineMissed>;
