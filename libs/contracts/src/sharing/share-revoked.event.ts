import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { entityCodeSchema } from '../shared-schemas';
import { Topics } from '../topics';

/**
 * The lead entity revoked the share (or the consent to share was withdrawn): the receiving
 * entity no longer sees the case, in any service.
 */
export const ShareRevoked = defineEvent({
  type: 'ShareRevoked',
  wireType: 'org.un.reprisals.intake.share-revoked',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description: 'The lead entity revoked a share of the case.',
  schema: z
    .object({
      caseId: z.uuid(),
      shareId: z.uuid(),
      entity: entityCodeSchema,
    })
    .strict(),
});

export type ShareRevokedData = DataOf<typeof ShareRevoked>;
export type ShareRevokedEvent = EventOf<typeof ShareRevoked>;
