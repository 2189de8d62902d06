import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';

/** The case moved to another version of the response protocol, an explicit and audited step. */
export const PolicyVersionAdopted = defineEvent({
  type: 'PolicyVersionAdopted',
  wireType: 'org.un.reprisals.verification.policy-version-adopted',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description: 'The case moved to another version of the response protocol, an explicit and audited step.',
  schema: z
    .object({
      caseId: z.uuid(),
      fromVersion: z.string().min(1).max(100),
      toVersion: z.string().min(1).max(100),
    })
    .strict(),
});

export type PolicyVersionAdoptedData = DataOf<typeof PolicyVersionAdopted>;
export type PolicyVersionAdoptedEvent = EventOf<typeof PolicyVersionAdopted>;
