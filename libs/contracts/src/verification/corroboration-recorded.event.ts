import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';
import {
  corroborationKindSchema,
  informationCredibilitySchema,
  sourceReliabilitySchema,
} from './verification-vocabulary';

/** A piece of corroborating information was rated (kind, source reliability, credibility); its content stays in verification. */
export const CorroborationRecorded = defineEvent({
  type: 'CorroborationRecorded',
  wireType: 'org.un.reprisals.verification.corroboration-recorded',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description:
    'A piece of corroborating information was rated (kind, source reliability, credibility); its content stays in verification.',
  schema: z
    .object({
      caseId: z.uuid(),
      corroborationId: z.uuid(),
      kind: corroborationKindSchema,
      reliability: sourceReliabilitySchema,
      credibility: informationCredibilitySchema,
    })
    .strict(),
});

export type CorroborationRecordedData = DataOf<typeof CorroborationRecorded>;
export type CorroborationRecordedEvent = EventOf<typeof CorroborationRecorded>;
