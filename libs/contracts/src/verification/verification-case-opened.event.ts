import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { caseReferenceSchema, entityCodeSchema, stateCodeSchema } from '../shared-schemas';
import { Topics } from '../topics';

export const PROTOCOL_STAGES = [
  'registered',
  'screening',
  'risk-assessment',
  'verification',
  'response-decision',
  'follow-up',
  'closed',
] as const;

/** Verification opened the case in the first stage of the response protocol. */
export const VerificationCaseOpened = defineEvent({
  type: 'VerificationCaseOpened',
  wireType: 'org.un.reprisals.verification.case-opened',
  version: 1,
  producer: 'verification',
  topic: Topics.verification,
  description: 'The case entered the graduated response protocol in its first stage.',
  schema: z
    .object({
      caseId: z.uuid(),
      reference: caseReferenceSchema,
      stateConcerned: stateCodeSchema,
      leadEntity: entityCodeSchema,
      stage: z.enum(PROTOCOL_STAGES),
      protocolVersion: z.string().min(1),
    })
    .strict(),
});

export type VerificationCaseOpenedData = DataOf<typeof VerificationCaseOpened>;
export type VerificationCaseOpenedEvent = EventOf<typeof VerificationCaseOpened>;
