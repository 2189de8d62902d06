import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';

/** A supervisor other than the drafter approved the communication for dispatch. */
export const CommunicationApproved = defineEvent({
  type: 'CommunicationApproved',
  wireType: 'org.un.reprisals.state-communication.communication-approved',
  version: 1,
  producer: 'state-communication',
  topic: Topics['state-communication'],
  description: 'A supervisor other than the drafter approved the communication for dispatch.',
  schema: z
    .object({
      caseId: z.uuid(),
      communicationId: z.uuid(),
    })
    .strict(),
});

export type CommunicationApprovedData = DataOf<typeof CommunicationApproved>;
export type CommunicationApprovedEvent = EventOf<typeof CommunicationApproved>;
