import { z } from 'zod';
import { DISMISS_REASONS, LINK_REASONS } from '../../domain/possible-duplicate';

const note = z
  .string()
  .trim()
  .min(10, 'must be at least 10 characters')
  .max(2000, 'must be at most 2000 characters')
  .optional()
  .describe('The officer’s explanation, kept in intake and never sent on; it must not name anyone');

export const linkCasesCommandSchema = z.strictObject({
  reason: z.enum(LINK_REASONS).describe('Why the two cases concern the same victim'),
  note,
});
export type LinkCasesCommand = z.infer<typeof linkCasesCommandSchema>;

export const dismissPossibleDuplicateCommandSchema = z.strictObject({
  reason: z.enum(DISMISS_REASONS).describe('Why the two cases do not concern the same victim'),
  note,
});
export type DismissPossibleDuplicateCommand = z.infer<typeof dismissPossibleDuplicateCommandSchema>;

export interface PossibleDuplicateDecisionReceipt {
  caseId: string;
  otherCaseId: string;
  status: 'linked' | 'dismissed';
  /** The id both cases' CasesLinked events carry; null for a dismissal. */
  linkId: string | null;
  decidedAt: string;
}
