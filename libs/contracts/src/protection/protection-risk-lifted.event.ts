import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';

/** A supervisor lifted the protection risk flag: consent alone governs the case again. */
export const ProtectionRiskLifted = defineEvent({
  type: 'ProtectionRiskLifted',
  wireType: 'org.un.reprisals.intake.protection-risk-lifted',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description: 'The protection risk flag of a case was lifted by a supervisor.',
  schema: z
    .object({
      caseId: z.uuid(),
      flagVersion: z.number().int().positive(),
    })
    .strict(),
});

export type ProtectionRiskLiftedData = DataOf<typeof ProtectionRiskLifted>;
export type ProtectionRiskLiftedEvent = EventOf<typeof ProtectionRiskLifted>;
