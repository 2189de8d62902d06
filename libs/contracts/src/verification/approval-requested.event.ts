import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';
import { approvalSubjectSchema } from './verification-vocabulary';

/** A step that needs four eyes waits for a supervisor of the lead entity. */
export const ApprovalRequested = defineEvent({
  type: 'ApprovalRequested',
  wireType: 'org.un.reprisals.verification.approval-requested',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description: 'A step that needs four eyes waits for a supervisor of the lead entity.',
  schema: z
    .object({
      caseId: z.uuid(),
      approvalId: z.uuid(),
      subject: approvalSubjectSchema,
      responseActionId: z.uuid().optional(),
      dueBy: z.iso.datetime({ offset: true }),
    })
    .strict(),
});

export type ApprovalRequestedData = DataOf<typeof ApprovalRequested>;
export type ApprovalRequestedEvent = EventOf<typeof ApprovalRequested>;
