import { z } from 'zod';
import {
  PROTOCOL_STAGES,
  protectionRiskSchema,
  protocolTrackSchema,
  stateCodeSchema,
} from '@reprisals/contracts';

export const listVerificationCasesQuerySchema = z.strictObject({
  stage: z.enum(PROTOCOL_STAGES).optional().describe('Only cases in this stage'),
  risk: protectionRiskSchema.optional().describe('Only cases assessed at this protection risk'),
  track: protocolTrackSchema.optional().describe('standard or urgent'),
  state: stateCodeSchema.optional().describe('Only cases concerning this State (ISO alpha-3)'),
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe(
      'true: only cases where something waits past its date (escalation, approval, review, urgent deadline)',
    ),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('At most this many cases (1 to 500)'),
});
export type ListVerificationCasesQuery = z.infer<typeof listVerificationCasesQuerySchema>;
