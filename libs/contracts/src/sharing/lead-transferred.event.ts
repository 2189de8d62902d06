import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { entityCodeSchema } from '../shared-schemas';
import { Topics } from '../topics';

/**
 * The receiving entity accepted the transfer: it now leads the case, and the former lead
 * sees it only through a share.
 */
export const LeadTransferred = defineEvent({
  type: 'LeadTransferred',
  wireType: 'org.un.reprisals.intake.lead-transferred',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description: 'The lead of the case moved from one entity to another.',
  schema: z
    .object({
      caseId: z.uuid(),
      transferId: z.uuid(),
      fromEntity: entityCodeSchema,
      toEntity: entityCodeSchema,
    })
    .strict(),
});

export type LeadTransferredData = DataOf<typeof LeadTransferred>;
export type LeadTransferredEvent = EventOf<typeof LeadTransferred>;
