import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';

/** A supervisor other than the proposer approved the response action. */
export const ResponseActionApproved = defineEvent({
  type: 'ResponseActionApproved',
  wireType: 'org.un.reprisals.verification.response-action-approved',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description: 'A supervisor other than the proposer approved the response action.',
  schema: z
    .object({
      caseId: z.uuid(),
      responseActionId: z.uuid(),
      approvalId: z.uuid(),
    })
    .strict(),
});

export type ResponseActionApprovedData = DataOf<typeof ResponseActionApproved>;
export type ResponseActionApprovedEvent = EventOf<typeof ResponseActionApproved>;
