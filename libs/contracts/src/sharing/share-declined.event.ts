import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { entityCodeSchema } from '../shared-schemas';
import { Topics } from '../topics';

/**
 * The focal point of the receiving entity declined the share: it never sees the case
 * through it.
 */
export const ShareDeclined = defineEvent({
  type: 'ShareDeclined',
  wireType: 'org.un.reprisals.intake.share-declined',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description: 'The receiving entity declined a share of the case.',
  schema: z
    .object({
      caseId: z.uuid(),
      shareId: z.uuid(),
      entity: entityCodeSchema,
    })
    .strict(),
});

export type ShareDeclinedData = DataOf<typeof ShareDeclined>;
export type ShareDeclinedEvent = EventOf<typeof ShareDeclined>;
