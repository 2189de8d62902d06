import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { cooperationCategorySchema, perpetratorTypeSchema } from '../intake/allegation-vocabulary';
import { Topics } from '../topics';
import { PROTOCOL_STAGES } from './verification-case-opened.event';
import { outOfScopeReasonSchema, referralSchema } from './verification-vocabulary';

/** Screening decided whether the case falls within resolution 54/24 (para 4 nexus, an act, a perpetrator). */
export const CaseScreened = defineEvent({
  type: 'CaseScreened',
  wireType: 'org.un.reprisals.verification.case-screened',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description:
    'Screening decided whether the case falls within resolution 54/24 (para 4 nexus, an act, a perpetrator).',
  schema: z
    .object({
      caseId: z.uuid(),
      inScope: z.boolean(),
      cooperationCategory: cooperationCategorySchema.optional(),
      perpetratorType: perpetratorTypeSchema.optional(),
      outOfScopeReason: outOfScopeReasonSchema.optional(),
      referral: referralSchema.optional(),
      stage: z.enum(PROTOCOL_STAGES),
    })
    .strict(),
});

export type CaseScreenedData = DataOf<typeof CaseScreened>;
export type CaseScreenedEvent = EventOf<typeof CaseScreened>;
