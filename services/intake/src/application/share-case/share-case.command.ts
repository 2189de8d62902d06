import { z } from 'zod';
import { entityCodeSchema, shareScopeSchema } from '@reprisals/contracts';

export const shareCaseCommandSchema = z
  .object({
    entity: entityCodeSchema.describe('The UN entity the case is offered to'),
    purpose: z
      .string()
      .trim()
      .min(10, 'must be at least 10 characters')
      .max(1000, 'must be at most 1000 characters')
      .describe('Why the entity needs the case (kept in intake; never sent on)'),
    scope: shareScopeSchema.describe('summary: the non-identifying summary only; full: the whole file'),
    expiresAt: z.iso.datetime({ offset: true }).optional().describe('When the share ends by itself'),
    overrideReason: z
      .string()
      .trim()
      .min(20, 'must be at least 20 characters')
      .max(2000)
      .optional()
      .describe('Supervisors only: why the case is shared without the victim’s consent (audited)'),
  })
  .strict();

export type ShareCaseCommand = z.infer<typeof shareCaseCommandSchema>;
