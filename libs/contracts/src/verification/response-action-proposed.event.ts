import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { entityCodeSchema } from '../shared-schemas';
import { Topics } from '../topics';
import {
  actionNamingSchema,
  actionPrioritySchema,
  actionReachSchema,
  responseActionTypeSchema,
} from './verification-vocabulary';

/** A response action was proposed from the toolkit; State-facing and public ones wait for approval. */
export const ResponseActionProposed = defineEvent({
  type: 'ResponseActionProposed',
  wireType: 'org.un.reprisals.verification.response-action-proposed',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description:
    'A response action was proposed from the toolkit; State-facing and public ones wait for approval.',
  schema: z
    .object({
      caseId: z.uuid(),
      responseActionId: z.uuid(),
      actionType: responseActionTypeSchema,
      reach: actionReachSchema,
      naming: actionNamingSchema.optional(),
      priority: actionPrioritySchema,
      ownerEntity: entityCodeSchema,
      ladderLevel: z.number().int().positive().nullable(),
      consentOverridden: z.boolean(),
      needsApproval: z.boolean(),
    })
    .strict(),
});

export type ResponseActionProposedData = DataOf<typeof ResponseActionProposed>;
export type ResponseActionProposedEvent = EventOf<typeof ResponseActionProposed>;
