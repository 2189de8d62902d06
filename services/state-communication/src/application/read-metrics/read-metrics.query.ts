import { withDaysInOrder } from '@reprisals/service-platform';
import { z } from 'zod';
import { calendarDateSchema } from '@reprisals/contracts';
import { unStateCodeSchema } from '@reprisals/un-states';

export const readMetricsQuerySchema = withDaysInOrder(
  z.strictObject({
    from: calendarDateSchema
      .optional()
      .describe(
        'First day of the period, YYYY-MM-DD (default: the day after the same date a year before `to`)',
      ),
    to: calendarDateSchema.optional().describe('Last day of the period, YYYY-MM-DD (default: today)'),
    state: unStateCodeSchema
      .optional()
      .describe(
        'Only this UN Member or Observer State (ISO 3166-1 alpha-3), listed even without communications',
      ),
    format: z
      .enum(['json', 'csv'])
      .default('json')
      .describe('json, or csv: one row per State and a last row ALL, the same columns for every request'),
  }),
);
export type ReadMetricsQuery = z.infer<typeof readMetricsQuerySchema>;
