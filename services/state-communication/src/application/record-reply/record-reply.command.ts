import { z } from 'zod';
import { calendarDateSchema, stateReplyTypeSchema } from '@reprisals/contracts';
import { REPLY_ASSESSMENTS } from '../../domain/communication/communication';

export const recordReplySchema = z.strictObject({
  type: stateReplyTypeSchema.describe(
    'acknowledgement, substantive-reply, rejection-of-allegation, information-on-measures-taken, request-for-clarification',
  ),
  receivedOn: calendarDateSchema.describe(
    'The day the reply was received (not before the communication was sent)',
  ),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'must be a two-letter language code')
    .describe('The language of the reply'),
  assessment: z
    .enum(REPLY_ASSESSMENTS)
    .optional()
    .describe(
      'responsive, partially-responsive or not-responsive; may be given later (…/replies/:replyId/assessment)',
    ),
});
export type RecordReplyCommand = z.infer<typeof recordReplySchema>;
