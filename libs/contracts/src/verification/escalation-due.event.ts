import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';
import { escalationTriggerSchema, responseActionTypeSchema } from './verification-vocabulary';

/** The next level of the response ladder became due (silence past the deadline, a new act). */
export const EscalationDue = defineEvent({
  type: 'EscalationDue',
  wireType: 'org.un.reprisals.verification.escalation-due',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description: 'The next level of the response ladder became due (silence past the deadline, a new act).',
  schema: z
    .object({
      caseId: z.uuid(),
      trigger: escalationTriggerSchema,
      responseActionId: z.uuid().optional(),
      fromLevel: z.number().int().positive().nullable(),
      nextActionType: responseActionTypeSchema.nullable(),
    })
    .strict(),
});

export type EscalationDueData = DataOf<typeof EscalationDue>;
export type EscalationDueEvent = EventOf<typeof EscalationDue>;
