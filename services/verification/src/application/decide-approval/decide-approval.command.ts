import { z } from 'zod';
import { writtenReasonSchema } from '../take-protocol-step/take-protocol-step.command';

export const approveSchema = z.strictObject({
  consentOverride: z
    .strictObject({
      reason: writtenReasonSchema.describe('The supervisor’s own reason for going past missing consent'),
    })
    .optional()
    .describe(
      'Goes past missing consent, where the officer asked for it and the role grants consent:override',
    ),
});
export type ApproveBody = z.infer<typeof approveSchema>;

export const rejectSchema = z.strictObject({
  reason: z
    .enum(['insufficient-corroboration', 'risk-to-the-person', 'wrong-tool', 'consent-unclear', 'other'])
    .describe('Why the proposal is rejected'),
});
export type RejectBody = z.infer<typeof rejectSchema>;
