import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { intakeChannelSchema } from '../shared-schemas';
import { Topics } from '../topics';
import { actOnTheWireSchema, victimOnTheWireSchema } from './allegation-received.event';
import { cooperationCategorySchema, cooperationMechanismSchema } from './allegation-vocabulary';

/** Fields of an allegation a change may touch; sealed ones are named, never carried. */
export const CHANGEABLE_ALLEGATION_FIELDS = [
  'summary',
  'submissionLanguage',
  'receivedVia',
  'cooperation',
  'detailedAccount',
  'victims',
  'sources',
  'acts',
] as const;

/**
 * The lead entity corrected or completed an allegation. Carries the new version, which fields
 * changed, and the new value of the non-identifying ones other services count.
 */
export const AllegationChanged = defineEvent({
  type: 'AllegationChanged',
  wireType: 'org.un.reprisals.intake.allegation-changed',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description: 'An allegation was corrected or completed by its lead entity.',
  schema: z
    .object({
      caseId: z.uuid(),
      allegationVersion: z.number().int().min(2),
      changed: z.array(z.enum(CHANGEABLE_ALLEGATION_FIELDS)).min(1),
      receivedVia: intakeChannelSchema.optional(),
      cooperation: z
        .object({
          mechanism: cooperationMechanismSchema,
          detail: z.string().max(200).nullable(),
          category: cooperationCategorySchema,
        })
        .strict()
        .optional(),
      /** The victims after the change, by pseudonym (a new pseudonym is a victim added). */
      victims: z.array(victimOnTheWireSchema).optional(),
      acts: z.array(actOnTheWireSchema).optional(),
    })
    .strict(),
});

export type AllegationChangedData = DataOf<typeof AllegationChanged>;
export type AllegationChangedEvent = EventOf<typeof AllegationChanged>;
