import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { calendarDateSchema } from '../shared-schemas';
import { Topics } from '../topics';
import { PROTOCOL_STAGES } from './verification-case-opened.event';
import { verificationOutcomeSchema } from './verification-vocabulary';

/** Verification concluded, approved by a second person, with the corroborations it rests on. */
export const VerificationConcluded = defineEvent({
  type: 'VerificationConcluded',
  wireType: 'org.un.reprisals.verification.verification-concluded',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description: 'Verification concluded, approved by a second person, with the corroborations it rests on.',
  schema: z
    .object({
      caseId: z.uuid(),
      outcome: verificationOutcomeSchema,
      concludedOn: calendarDateSchema,
      corroborationIds: z.array(z.uuid()),
      lateForCycle: z
        .string()
        .regex(/^\d{4}-\d{4}$/)
        .nullable(),
      stage: z.enum(PROTOCOL_STAGES),
    })
    .strict(),
});

export type VerificationConcludedData = DataOf<typeof VerificationConcluded>;
export type VerificationConcludedEvent = EventOf<typeof VerificationConcluded>;
