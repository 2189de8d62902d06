import {
  AllegationReceived,
  ConsentRecorded,
  ConsentWithdrawn,
  ProtectionRiskFlagged,
  ProtectionRiskLifted,
  type ProtectionRiskFlaggedEvent,
  type ProtectionRiskLiftedEvent,
  type ConsentRecordedEvent,
  type ConsentWithdrawnEvent,
  CaseShared,
  LeadTransferred,
  ShareAccepted,
  ShareDeclined,
  ShareRevoked,
  type AllegationReceivedEvent,
  type CaseSharedEvent,
  type LeadTransferredEvent,
  type ShareAcceptedEvent,
  type ShareDeclinedEvent,
  type ShareRevokedEvent,
} from '@reprisals/contracts';

/** The events from which every service builds its own view of who may see a case, and what consent allows. */
export type CaseAccessEvent =
  | AllegationReceivedEvent
  | LeadTransferredEvent
  | CaseSharedEvent
  | ShareAcceptedEvent
  | ShareDeclinedEvent
  | ShareRevokedEvent
  | ConsentRecordedEvent
  | ConsentWithdrawnEvent
  | ProtectionRiskFlaggedEvent
  | ProtectionRiskLiftedEvent;

/**
 * Each of those events with the subscription name a service registers it under. The names are
 * kept in every service's inbox and dead letters: never rename them.
 */
export const CASE_ACCESS_EVENTS = [
  { name: 'case-access-allegation-received', event: AllegationReceived },
  { name: 'case-access-lead-transferred', event: LeadTransferred },
  { name: 'case-access-case-shared', event: CaseShared },
  { name: 'case-access-share-accepted', event: ShareAccepted },
  { name: 'case-access-share-declined', event: ShareDeclined },
  { name: 'case-access-share-revoked', event: ShareRevoked },
  { name: 'case-access-consent-recorded', event: ConsentRecorded },
  { name: 'case-access-consent-withdrawn', event: ConsentWithdrawn },
  { name: 'case-access-protection-risk-flagged', event: ProtectionRiskFlagged },
  { name: 'case-access-protection-risk-lifted', event: ProtectionRiskLifted },
] as const;
