import { z } from 'zod';
import { defineEvent, type DataOf, type EventOf } from '../integration-event';
import { Topics } from '../topics';
import { approvalSubjectSchema } from './verification-vocabulary';

/** An approval request has waited longer than the protocol allows: an alert for the supervisors. */
export const ApprovalOverdue = defineEvent({
  type: 'ApprovalOverdue',
  wireType: 'org.un.reprisals.verification.approval-overdue',
  version: 1,
  producer: 'verification',
  topic: Topics['verification'],
  description:
    'An approval request has waited longer than the protocol allows: an alert for the supervisors.',
  schema: z
    .object({
      caseId: z.uuid(),
      approvalId: z.uuid(),
      subject: approvalSubjectSchema,
      requestedAt: z.iso.datetime({ offset: true }),
      dueBy: z.iso.datetime({ offset: true }),
    })
    .strict(),
});

export type ApprovalOverdueData = DataOf<typeof ApprovalOverdue>;
export type ApprovalOverdueEvent = EventOf<typeof ApprovalOverdue>;
