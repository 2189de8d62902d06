import { CommunicationApproved } from './communication-approved.event';
import { CommunicationDrafted } from './communication-drafted.event';
import { CommunicationSent } from './communication-sent.event';
import { DeadlineMissed } from './deadline-missed.event';
import { DispatchFailed } from './dispatch-failed.event';
import { DispatchStopped } from './dispatch-stopped.event';
import { ReminderSent } from './reminder-sent.event';
import { ReplyReceived } from './reply-received.event';

/** Every event state-communication publishes, in the order of a communication's life. */
export const STATE_COMMUNICATION_EVENTS = [
  CommunicationDrafted,
  CommunicationApproved,
  CommunicationSent,
  DispatchFailed,
  DispatchStopped,
  ReminderSent,
  ReplyReceived,
  DeadlineMissed,
] as const;
