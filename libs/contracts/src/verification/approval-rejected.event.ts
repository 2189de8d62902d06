import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';
import { approvalSubjectSchema } from './verification-vocabulary';

/** A supervisor rejected the step waiting for approval; nothing it proposed took effect. */
export const ApprovalRejected = defineEvent({
  type: 'ApprovalRejected',
  wireType: 'org.un.reprisals.verification.approval-rejected',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description: 'A supervisor rejected the step waiting for approval; nothing it proposed took effect.',
  schema: z
    .object({
      caseId: z.uuid(),
      approvalId: z.uuid(),
      subject: approvalSubjectSchema,
      responseActionId: z.uuid().optional(),
    })
    .strict(),
});

export type ApprovalRejectedData = DataOf<typeof ApprovalRejected>;
export type ApprovalRejectedEvent = EventOf<typeof ApprovalRejected>;
