import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { calendarDateSchema, stateCodeSchema } from '../shared-schemas';
import { Topics } from '../topics';

/**
 * The call for input of a reporting period reached one State's Permanent Mission. A call concerns
 * no case: its events are keyed by the call's id, as a case's events are by the case's.
 */
export const CallForInputSent = defineEvent({
  type: 'CallForInputSent',
  wireType: 'org.un.reprisals.state-communication.call-for-input-sent',
  version: 1,
  producer: 'state-communication',
  topic: Topics['state-communication'],
  description:
    "The call for input of a reporting period reached one State's Permanent Mission, with its reply deadline.",
  schema: z
    .object({
      callForInputId: z.uuid(),
      communicationId: z.uuid(),
      stateConcerned: stateCodeSchema,
      periodFrom: calendarDateSchema,
      periodTo: calendarDateSchema,
      sentOn: calendarDateSchema,
      replyDueOn: calendarDateSchema,
    })
    .strict(),
});

export type CallForInputSentData = DataOf<typeof CallForInputSent>;
export type CallForInputSentEvent = EventOf<typeof CallForInputSent>;
