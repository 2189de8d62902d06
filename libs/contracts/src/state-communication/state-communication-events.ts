import { CallForInputSent } from './call-for-input-sent.event';
import { CommunicationApproved } from './communication-approved.event';
import { CommunicationDrafted } from './communication-drafted.event';
import { CommunicationSent } from './communication-sent.event';
import { DeadlineMissed } from './deadline-missed.event';
import { DispatchFailed } from './dispatch-failed.event';
import { DispatchStopped } from './dispatch-stopped.event';
import { ReminderSent } from './reminder-sent.event';
import { ReplyReceived } from './reply-received.event';

/** The events of a communication about a case, in the order of its life; keyed by the case. */
export const CASE_COMMUNICATION_EVENTS = [
  CommunicationDrafted,
  CommunicationApproved,
  CommunicationSent,
  DispatchFailed,
  DispatchStopped,
  ReminderSent,
  ReplyReceived,
  DeadlineMissed,
] as const;

/** Every event state-communication publishes: a case's communications, and the calls for input. */
export const STATE_COMMUNICATION_EVENTS = [...CASE_COMMUNICATION_EVENTS, CallForInputSent] as const;
