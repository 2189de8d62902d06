import { z } from 'zod';
import { protectionRiskLevelSchema, protectionRiskReasonSchema } from '@reprisals/contracts';

const note = z
  .string()
  .trim()
  .min(10, 'must be at least 10 characters')
  .max(2000, 'must be at most 2000 characters')
  .describe('What the risk is, kept in intake; it must not name anyone');

export const flagProtectionRiskCommandSchema = z.strictObject({
  level: protectionRiskLevelSchema.describe('moderate, high or severe'),
  reason: protectionRiskReasonSchema.describe('Why the case is withheld, from a fixed list'),
  note,
});
export type FlagProtectionRiskCommand = z.infer<typeof flagProtectionRiskCommandSchema>;

export const liftProtectionRiskCommandSchema = z.strictObject({
  note: note.describe('Why the risk no longer withholds the case, kept in intake'),
});
export type LiftProtectionRiskCommand = z.infer<typeof liftProtectionRiskCommandSchema>;
