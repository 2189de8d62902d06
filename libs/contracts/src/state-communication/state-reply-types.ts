import { z } from 'zod';

/** What a State's reply to a communication is. */
export const STATE_REPLY_TYPES = [
  'acknowledgement',
  'substantive-reply',
  'rejection-of-allegation',
  'information-on-measures-taken',
  'request-for-clarification',
] as const;
/** Replies that answer the substance: they stop the escalation that silence would cause. */
export const SUBSTANTIVE_REPLY_TYPES = [
  'substantive-reply',
  'rejection-of-allegation',
  'information-on-measures-taken',
] as const satisfies readonly (typeof STATE_REPLY_TYPES)[number][];

export const stateReplyTypeSchema = z.enum(STATE_REPLY_TYPES);
export type StateReplyType = z.infer<typeof stateReplyTypeSchema>;
