import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { calendarDateSchema, entityCodeSchema, stateCodeSchema } from '../shared-schemas';
import { Topics } from '../topics';
import { PROTOCOL_STAGES } from './verification-case-opened.event';
import {
  actionNamingSchema,
  actionPrioritySchema,
  actionReachSchema,
  protocolTrackSchema,
  responseActionTypeSchema,
} from './verification-vocabulary';

/** A response action is decided and may be carried out (State-facing ones are drafted by state-communication). */
export const ResponseActionDecided = defineEvent({
  type: 'ResponseActionDecided',
  wireType: 'org.un.reprisals.verification.response-action-decided',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description:
    'A response action is decided and may be carried out (State-facing ones are drafted by state-communication).',
  schema: z
    .object({
      caseId: z.uuid(),
      responseActionId: z.uuid(),
      actionType: responseActionTypeSchema,
      reach: actionReachSchema,
      naming: actionNamingSchema.optional(),
      priority: actionPrioritySchema,
      ownerEntity: entityCodeSchema,
      stateConcerned: stateCodeSchema,
      ladderLevel: z.number().int().positive().nullable(),
      track: protocolTrackSchema,
      consentOverridden: z.boolean(),
      nextReviewOn: calendarDateSchema,
      /** The case's stage once the action is decided (absent from events published before it was carried). */
      stage: z.enum(PROTOCOL_STAGES).optional(),
    })
    .strict(),
});

export type ResponseActionDecidedData = DataOf<typeof ResponseActionDecided>;
export type ResponseActionDecidedEvent = EventOf<typeof ResponseActionDecided>;
