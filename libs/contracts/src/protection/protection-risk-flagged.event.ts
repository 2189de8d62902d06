import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';
import { protectionRiskLevelSchema, protectionRiskReasonSchema } from './protection-schemas';

/**
 * A protection risk was flagged (or its level changed): the case is withheld from every
 * State-facing or public step, whatever the consent, until a supervisor lifts the flag.
 */
export const ProtectionRiskFlagged = defineEvent({
  type: 'ProtectionRiskFlagged',
  wireType: 'org.un.reprisals.intake.protection-risk-flagged',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description: 'A protection risk withholds the case from State-facing and public steps.',
  schema: z
    .object({
      caseId: z.uuid(),
      flagVersion: z.number().int().positive(),
      level: protectionRiskLevelSchema,
      reason: protectionRiskReasonSchema,
    })
    .strict(),
});

export type ProtectionRiskFlaggedData = DataOf<typeof ProtectionRiskFlagged>;
export type ProtectionRiskFlaggedEvent = EventOf<typeof ProtectionRiskFlagged>;
