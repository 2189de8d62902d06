import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { calendarDateSchema, stateCodeSchema } from '../shared-schemas';
import { Topics } from '../topics';
import { stateReplyTypeSchema } from './state-reply-types';

/** The State concerned replied to a communication; substantive replies stop the escalation that silence would cause. */
export const ReplyReceived = defineEvent({
  type: 'ReplyReceived',
  wireType: 'org.un.reprisals.state-communication.reply-received',
  version: 1,
  producer: 'state-communication',
  topic: Topics['state-communication'],
  description:
    'The State concerned replied to a communication; substantive replies stop the escalation that silence would cause.',
  schema: z
    .object({
      caseId: z.uuid(),
      communicationId: z.uuid(),
      replyId: z.uuid(),
      stateConcerned: stateCodeSchema,
      replyType: stateReplyTypeSchema,
      receivedOn: calendarDateSchema,
      responseActionId: z.uuid().optional(),
    })
    .strict(),
});

export type ReplyReceivedData = DataOf<typeof ReplyReceived>;
export type ReplyReceivedEvent = EventOf<typeof ReplyReceived>;
