import { withDaysInOrder } from '@reprisals/service-platform';
import { z } from 'zod';
import { calendarDateSchema } from '@reprisals/contracts';
import { MAX_DIMENSIONS, STATISTICS_DIMENSIONS } from '../../domain/statistics/statistics-dimensions';

/** The formats statistics are read in: JSON, or a file to download (CSV, HTML, DOCX). */
export const STATISTICS_FORMATS = ['json', 'csv', 'html', 'docx'] as const;
export type StatisticsFormat = (typeof STATISTICS_FORMATS)[number];

const KNOWN_DIMENSIONS = `must be one of ${STATISTICS_DIMENSIONS.join(', ')}`;

/** `groupBy=state,gender`: 0 to 3 dimensions, each once (a repeated parameter counts as one list). */
const groupBySchema = z.preprocess(
  (value) => (Array.isArray(value) ? value.join(',') : value),
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((dimension) => dimension.trim())
        .filter((dimension) => dimension !== ''),
    )
    .pipe(
      z
        .array(z.enum(STATISTICS_DIMENSIONS, { error: KNOWN_DIMENSIONS }))
        .max(MAX_DIMENSIONS, `must name at most ${MAX_DIMENSIONS} dimensions`)
        .refine(
          (dimensions) => new Set(dimensions).size === dimensions.length,
          'must not name a dimension twice',
        ),
    ),
);

export const readStatisticsQuerySchema = withDaysInOrder(
  z.strictObject({
    from: calendarDateSchema
      .optional()
      .describe(
        'First day of reception counted, YYYY-MM-DD (default: the day after the same date a year before `to`)',
      ),
    to: calendarDateSchema.optional().describe('Last day of reception counted, YYYY-MM-DD (default: today)'),
    groupBy: groupBySchema
      .optional()
      .describe(
        `0 to ${MAX_DIMENSIONS} dimensions, comma-separated, among: ${STATISTICS_DIMENSIONS.join(', ')}`,
      ),
    format: z
      .enum(STATISTICS_FORMATS)
      .default('json')
      .describe(
        'json; csv: one row per group, the columns being the dimensions asked for and `cases`; html: a standalone page with the tables and charts as inline SVG; docx: the layout of a UN report',
      ),
  }),
);
export type ReadStatisticsQuery = z.infer<typeof readStatisticsQuerySchema>;
