import { z } from 'zod';
import { calendarDateSchema, stateCodeSchema } from '@reprisals/contracts';

/** Where an allegation stands in intake. */
export const ALLEGATION_STATES = ['open', 'withheld', 'erased'] as const;
export type AllegationState = (typeof ALLEGATION_STATES)[number];

export const listAllegationsQuerySchema = z
  .strictObject({
    state: z
      .enum(ALLEGATION_STATES)
      .optional()
      .describe('open; withheld (a protection risk flag is in force); erased (personal data erased)'),
    country: stateCodeSchema.optional().describe('ISO 3166-1 alpha-3 code of the State concerned'),
    receivedFrom: calendarDateSchema.optional().describe('Received on or after this day'),
    receivedTo: calendarDateSchema.optional().describe('Received on or before this day'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((query) => !query.receivedFrom || !query.receivedTo || query.receivedFrom <= query.receivedTo, {
    path: ['receivedTo'],
    message: 'must not be before receivedFrom',
  });
export type ListAllegationsQuery = z.infer<typeof listAllegationsQuerySchema>;
