import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';

/** A finalised report includes the case: its timeline shows "included in A/HRC/57/60". */
export const CaseIncludedInReport = defineEvent({
  type: 'CaseIncludedInReport',
  wireType: 'org.un.reprisals.reporting.case-included-in-report',
  version: 1,
  producer: 'reporting',
  topic: Topics.reporting,
  description: 'A finalised version of a report includes the case, in annex I or annex II.',
  schema: z
    .object({
      caseId: z.uuid(),
      cycleId: z.uuid(),
      kind: z.enum(['sg-annual-report', 'hrc-president-briefing', 'custom']),
      symbol: z.string().min(1).max(40).nullable(),
      version: z.number().int().min(1),
      annex: z.enum(['I', 'II']),
      anonymised: z.boolean(),
    })
    .strict(),
});

export type CaseIncludedInReportData = DataOf<typeof CaseIncludedInReport>;
export type CaseIncludedInReportEvent = EventOf<typeof CaseIncludedInReport>;
