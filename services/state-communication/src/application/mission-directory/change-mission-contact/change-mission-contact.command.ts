import { z } from 'zod';

export const changeMissionContactSchema = z.strictObject({
  email: z
    .email('must be an e-mail address')
    .max(254, 'must be at most 254 characters')
    .describe('The address the Permanent Mission receives communications at'),
  note: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(500, 'must be at most 500 characters')
    .optional()
    .describe('Why it changes, e.g. the Mission’s note announcing it'),
});

export type ChangeMissionContactCommand = z.infer<typeof changeMissionContactSchema>;
