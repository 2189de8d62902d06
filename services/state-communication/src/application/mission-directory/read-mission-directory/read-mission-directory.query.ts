import { z } from 'zod';

export const readMissionDirectoryQuerySchema = z.strictObject({
  placeholder: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('true: only the Missions still on a placeholder address; false: only those set by an admin'),
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .optional()
    .describe('Only the States whose code or English name contains this (any case)'),
});

export type ReadMissionDirectoryQuery = z.infer<typeof readMissionDirectoryQuerySchema>;
