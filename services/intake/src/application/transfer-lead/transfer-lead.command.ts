import { z } from 'zod';
import { entityCodeSchema } from '@reprisals/contracts';

export const requestLeadTransferCommandSchema = z
  .object({
    toEntity: entityCodeSchema.describe('The UN entity that is to lead the case'),
    overrideReason: z
      .string()
      .trim()
      .min(20, 'must be at least 20 characters')
      .max(2000)
      .optional()
      .describe('Supervisors only: why the case moves without the victim’s consent to share (audited)'),
  })
  .strict();

export type RequestLeadTransferCommand = z.infer<typeof requestLeadTransferCommandSchema>;
