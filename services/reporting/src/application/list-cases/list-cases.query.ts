import { z } from 'zod';
import { PROTOCOL_STAGES, stateCodeSchema } from '@reprisals/contracts';

/** Whether the response protocol is still at work on a case. */
export const CASE_STATUSES = ['open', 'closed'] as const;

export const listCasesQuerySchema = z
  .object({
    state: stateCodeSchema.optional(),
    stage: z.enum(PROTOCOL_STAGES).optional(),
    status: z.enum(CASE_STATUSES).optional().describe('open (every stage before closed) or closed'),
    from: z.iso.date().optional().describe('Received on or after this date'),
    to: z.iso.date().optional().describe('Received on or before this date'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;
