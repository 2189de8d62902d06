import { z } from 'zod';
import { REPORT_EXPORT_FORMATS } from './report-export';

export const exportReportingCycleQuerySchema = z.strictObject({
  format: z
    .enum(REPORT_EXPORT_FORMATS)
    .default('json')
    .describe('json (the cycle and its draft), csv, html or docx; json by default'),
});
export type ExportReportingCycleQuery = z.infer<typeof exportReportingCycleQuerySchema>;
