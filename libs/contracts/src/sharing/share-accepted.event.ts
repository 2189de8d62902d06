import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { entityCodeSchema } from '../shared-schemas';
import { Topics } from '../topics';

/**
 * The focal point of the receiving entity accepted the share: from now on that entity sees
 * the case within the scope of the share, until it expires or is revoked.
 */
export const ShareAccepted = defineEvent({
  type: 'ShareAccepted',
  wireType: 'org.un.reprisals.intake.share-accepted',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description: 'The receiving entity accepted a share of the case.',
  schema: z
    .object({
      caseId: z.uuid(),
      shareId: z.uuid(),
      entity: entityCodeSchema,
    })
    .strict(),
});

export type ShareAcceptedData = DataOf<typeof ShareAccepted>;
export type ShareAcceptedEvent = EventOf<typeof ShareAccepted>;
