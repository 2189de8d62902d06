import { z } from 'zod';
import { entityCodeSchema } from '@reprisals/contracts';
import { UN_ENTITY_KINDS } from '@reprisals/case-access';

export const changeEntityCommandSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional().describe('English working name'),
    kind: z
      .enum(UN_ENTITY_KINDS)
      .optional()
      .describe('hq, field presence, mechanism, office, peace operation or agency'),
    parent: entityCodeSchema.nullable().optional().describe('The entity it belongs to; null for none'),
    active: z
      .boolean()
      .optional()
      .describe('false: offered no new share or lead; its history and current shares stay'),
  })
  .refine((change) => Object.keys(change).length > 0, { message: 'name at least one field to change' });

export type ChangeEntityCommand = z.infer<typeof changeEntityCommandSchema>;
