import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { calendarDateSchema, stateCodeSchema } from '../shared-schemas';
import { Topics } from '../topics';
import { communicationKindSchema } from './communication-vocabulary';

/** The communication was dispatched to the Permanent Mission, with its reply deadline. */
export const CommunicationSent = defineEvent({
  type: 'CommunicationSent',
  wireType: 'org.un.reprisals.state-communication.communication-sent',
  version: 1,
  producer: 'state-communication',
  topic: Topics['state-communication'],
  description: 'The communication was dispatched to the Permanent Mission, with its reply deadline.',
  schema: z
    .object({
      caseId: z.uuid(),
      communicationId: z.uuid(),
      kind: communicationKindSchema,
      stateConcerned: stateCodeSchema,
      sentOn: calendarDateSchema,
      replyDueOn: calendarDateSchema,
      responseActionId: z.uuid().optional(),
    })
    .strict(),
});

export type CommunicationSentData = DataOf<typeof CommunicationSent>;
export type CommunicationSentEvent = EventOf<typeof CommunicationSent>;
