import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { entityCodeSchema } from '../shared-schemas';
import { Topics } from '../topics';

/**
 * The lead entity asked another entity to take over the case (e.g. a field presence to
 * OHCHR headquarters). Access does not change until the transfer is accepted.
 */
export const LeadTransferRequested = defineEvent({
  type: 'LeadTransferRequested',
  wireType: 'org.un.reprisals.intake.lead-transfer-requested',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description: 'The lead entity asked another entity to take over the lead of the case.',
  schema: z
    .object({
      caseId: z.uuid(),
      transferId: z.uuid(),
      fromEntity: entityCodeSchema,
      toEntity: entityCodeSchema,
    })
    .strict(),
});

export type LeadTransferRequestedData = DataOf<typeof LeadTransferRequested>;
export type LeadTransferRequestedEvent = EventOf<typeof LeadTransferRequested>;
