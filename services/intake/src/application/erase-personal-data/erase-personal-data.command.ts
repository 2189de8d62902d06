import { z } from 'zod';
import { ERASURE_REASONS } from '@reprisals/contracts';

export const erasePersonalDataCommandSchema = z.strictObject({
  reason: z.enum(ERASURE_REASONS).describe('Why the personal data is erased'),
  note: z
    .string()
    .trim()
    .min(10, 'must be at least 10 characters')
    .max(2000, 'must be at most 2000 characters')
    .describe('The officer’s explanation, kept in intake; it must not name anyone'),
});
export type ErasePersonalDataCommand = z.infer<typeof erasePersonalDataCommandSchema>;
