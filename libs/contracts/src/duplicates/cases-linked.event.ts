import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';

/**
 * An officer of an entity leading one of two cases decided they concern the same person or
 * organisation and linked them. One event per case, with the same link id, so that each case's
 * stream (keyed by its id) carries the link. Ids only: the reason and note stay in intake.
 */
export const CasesLinked = defineEvent({
  type: 'CasesLinked',
  wireType: 'org.un.reprisals.intake.cases-linked',
  version: 1,
  producer: 'intake',
  topic: Topics.intake,
  description: 'The case was linked to another case as concerning the same person or organisation.',
  schema: z
    .object({
      caseId: z.uuid(),
      otherCaseId: z.uuid(),
      linkId: z.uuid(),
    })
    .strict()
    .refine((data) => data.caseId !== data.otherCaseId, {
      path: ['otherCaseId'],
      message: 'must be another case',
    }),
});

export type CasesLinkedData = DataOf<typeof CasesLinked>;
export type CasesLinkedEvent = EventOf<typeof CasesLinked>;
