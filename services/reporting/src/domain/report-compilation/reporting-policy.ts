import { z } from 'zod';
import { RESPONSE_ACTION_TYPES, VERIFICATION_OUTCOMES } from '@reprisals/contracts';
import type { InclusionRules } from './report-inclusion';
import { annualReportCycleOf, type ReportingCycle } from './reporting-cycle';

/** One version of the rules of reports, as its YAML file holds it. */
export const reportingPolicyDocumentSchema = z.strictObject({
  version: z.string().regex(/^reporting\/v\d+$/, 'must look like reporting/v2'),
  title: z.string().trim().min(1).max(300),
  effectiveFrom: z.iso.date('must be a date (YYYY-MM-DD)'),
  annualReport: z.strictObject({
    periodStarts: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be MM-DD, e.g. 05-01'),
    cutOffDaysAfterPeriodEnd: z.number().int().min(0).max(180),
  }),
  inclusion: z.strictObject({
    reportableOutcomes: z.array(z.enum(VERIFICATION_OUTCOMES)).min(1),
  }),
  presidentBriefing: z.strictObject({
    broughtToAttentionBy: z.array(z.enum(RESPONSE_ACTION_TYPES)).min(1),
    verificationRequired: z.boolean(),
  }),
});
export type ReportingPolicyDocument = z.infer<typeof reportingPolicyDocumentSchema>;

/** One published version of the rules of reports. */
export class ReportingPolicy {
  constructor(readonly document: ReportingPolicyDocument) {}

  get version(): string {
    return this.document.version;
  }

  get effectiveFrom(): string {
    return this.document.effectiveFrom;
  }

  get inclusion(): InclusionRules {
    return { ...this.document.inclusion, presidentBriefing: this.document.presidentBriefing };
  }

  /** The annual report's cycle of the period that contains `day`. */
  annualCycleOf(day: string): ReportingCycle {
    return annualReportCycleOf(day, this.document.annualReport);
  }
}
