import { CaseScreened } from './case-screened.event';
import { RiskAssessed } from './risk-assessed.event';
import { CorroborationRecorded } from './corroboration-recorded.event';
import { ApprovalRequested } from './approval-requested.event';
import { ApprovalRejected } from './approval-rejected.event';
import { ApprovalOverdue } from './approval-overdue.event';
import { VerificationConcluded } from './verification-concluded.event';
import { ResponseActionProposed } from './response-action-proposed.event';
import { ResponseActionApproved } from './response-action-approved.event';
import { ResponseActionDecided } from './response-action-decided.event';
import { ResponseActionCancelled } from './response-action-cancelled.event';
import { ResponseActionCompleted } from './response-action-completed.event';
import { EscalationDue } from './escalation-due.event';
import { ReviewDue } from './review-due.event';
import { CaseClosed } from './case-closed.event';
import { PolicyVersionAdopted } from './policy-version-adopted.event';

/** Every event the response protocol publishes after a case is opened, in protocol order. */
export const VERIFICATION_PROTOCOL_EVENTS = [
  CaseScreened,
  RiskAssessed,
  CorroborationRecorded,
  ApprovalRequested,
  ApprovalRejected,
  ApprovalOverdue,
  VerificationConcluded,
  ResponseActionProposed,
  ResponseActionApproved,
  ResponseActionDecided,
  ResponseActionCancelled,
  ResponseActionCompleted,
  EscalationDue,
  ReviewDue,
  CaseClosed,
  PolicyVersionAdopted,
] as const;
