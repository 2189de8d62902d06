import {
  CallForInputSent,
  CommunicationApproved,
  CommunicationDrafted,
  CommunicationSent,
  DeadlineMissed,
  DispatchFailed,
  DispatchStopped,
  ReminderSent,
  ReplyReceived,
  type CommunicationKind,
  type CommunicationLanguage,
  type DataOf,
  type EventDefinition,
  type StateReplyType,
} from '@reprisals/contracts';
import type { CommunicationPolicy } from '../communication-policy/communication-policy';
import type { Communication, CommunicationActor, StateReply } from './communication';
import { CommunicationRefused } from './communication-refused';

/** A fact to publish: the contract and its data. */
export interface CommunicationEvent {
  definition: EventDefinition;
  data: unknown;
}
const event = <TDef extends EventDefinition>(definition: TDef, data: DataOf<TDef>): CommunicationEvent => ({
  definition,
  data,
});

/**
 * The events of a case's communication. A call for input concerns no case, and tells only that it
 * was sent: what follows (reminders, replies, silence) shows on the call, not in case timelines.
 */
const caseEvents = (
  current: Pick<Communication, 'caseId'>,
  make: (caseId: string) => CommunicationEvent[],
): CommunicationEvent[] => (current.caseId === null ? [] : make(current.caseId));

/** The key of a communication's events and timers: its case, or its call for input. */
export function streamOf(communication: Pick<Communication, 'caseId' | 'callForInput'>): string {
  const stream = communication.caseId ?? communication.callForInput?.id;
  if (!stream) throw new Error('A communication concerns a case or a call for input');
  return stream;
}

/** The timers of a communication: its dispatch, each reminder, and the missed deadline. */
export type CommunicationTimer = 'dispatch' | 'reminder' | 'deadline-missed';
export type TimerChange =
  | { change: 'schedule'; kind: CommunicationTimer; subject: string; dueAt: Date }
  | { change: 'cancel'; kind: CommunicationTimer; subject: string };

export interface CommunicationOutcome {
  communication: Communication;
  events: CommunicationEvent[];
  timers: TimerChange[];
}

const stepBy = (actor: CommunicationActor) =>
  actor.kind === 'user' ? { role: actor.role, entity: actor.entity } : { role: null, entity: null };

function withStep(current: Communication, step: string, actor: CommunicationActor, now: Date): Communication {
  return { ...current, history: [...current.history, { at: now.toISOString(), step, by: stepBy(actor) }] };
}

function expectStatus(
  current: Communication,
  allowed: readonly Communication['status'][],
  step: string,
): void {
  if (!allowed.includes(current.status))
    throw new CommunicationRefused('status', `a communication that is ${current.status} cannot be ${step}`);
}

export interface DraftInput {
  id: string;
  caseId: string | null;
  callForInput: Communication['callForInput'];
  reference: string;
  stateConcerned: string;
  kind: CommunicationKind;
  language: CommunicationLanguage;
  responseActionId: string | null;
  subject: string;
  body: string;
}

export function draftCommunication(
  input: DraftInput,
  actor: CommunicationActor,
  now: Date,
): CommunicationOutcome {
  const communication: Communication = {
    ...input,
    status: 'draft',
    draftedBy: actor,
    draftedAt: now.toISOString(),
    approvedBy: null,
    dispatchAttempts: 0,
    schedule: null,
    remindersSent: [],
    deadlineMissed: false,
    replies: [],
    stoppedBecause: null,
    history: [{ at: now.toISOString(), step: 'drafted', by: stepBy(actor) }],
  };
  return {
    communication,
    events: caseEvents(input, (caseId) => [
      event(CommunicationDrafted, {
        caseId,
        communicationId: input.id,
        kind: input.kind,
        language: input.language,
        stateConcerned: input.stateConcerned,
        ...(input.responseActionId ? { responseActionId: input.responseActionId } : {}),
      }),
    ]),
    timers: [],
  };
}

/** Four eyes: a supervisor who is not the person who drafted it. */
export function approveCommunication(
  current: Communication,
  approver: Extract<CommunicationActor, { kind: 'user' }>,
  now: Date,
): CommunicationOutcome {
  expectStatus(current, ['draft'], 'approved');
  if (current.draftedBy.kind === 'user' && current.draftedBy.sub === approver.sub)
    throw new CommunicationRefused(
      'four-eyes',
      'the person who drafted a communication cannot approve it',
      409,
    );
  return {
    communication: {
      ...withStep(current, 'approved', approver, now),
      status: 'approved',
      approvedBy: approver,
    },
    events: caseEvents(current, (caseId) => [
      event(CommunicationApproved, { caseId, communicationId: current.id }),
    ]),
    timers: [],
  };
}

/**
 * The liaison sends an approved communication: the consent and protection gates run now, at the
 * last moment before it leaves; the dispatch itself happens on the dispatch timer (due at once),
 * so that a failed attempt is retried and a communication is never sent twice.
 */
export function requestDispatch(
  current: Communication,
  /** What the case's consent and protection allow; null for a call for input, which names no case. */
  disclosure: { raiseWithState: 'named' | 'anonymous' | 'no'; withheld: boolean } | null,
  actor: CommunicationActor,
  now: Date,
): CommunicationOutcome {
  expectStatus(current, ['approved'], 'sent');
  if (current.caseId !== null && disclosure === null)
    throw new Error("A case's communication is sent only after its gates are read");
  if (disclosure?.withheld)
    throw new CommunicationRefused(
      'protection-risk',
      'a protection risk flag withholds the case from the State',
    );
  if (disclosure?.raiseWithState === 'no')
    throw new CommunicationRefused(
      'no-consent',
      'current consent does not allow raising the case with the State',
    );
  return {
    communication: { ...withStep(current, 'dispatch-requested', actor, now), status: 'dispatching' },
    events: [],
    timers: [{ change: 'schedule', kind: 'dispatch', subject: current.id, dueAt: now }],
  };
}

/** The dispatch adapter delivered it: the schedule is computed now, its timers set. */
export function markSent(
  current: Communication,
  policy: CommunicationPolicy,
  now: Date,
): CommunicationOutcome {
  expectStatus(current, ['dispatching'], 'marked sent');
  const schedule = policy.scheduleFor(current.kind, now);
  return {
    communication: {
      ...withStep(current, 'sent', { kind: 'system' }, now),
      status: 'sent',
      schedule,
      dispatchAttempts: current.dispatchAttempts + 1,
    },
    events: current.callForInput
      ? [
          event(CallForInputSent, {
            callForInputId: current.callForInput.id,
            communicationId: current.id,
            stateConcerned: current.stateConcerned,
            periodFrom: current.callForInput.periodFrom,
            periodTo: current.callForInput.periodTo,
            sentOn: now.toISOString().slice(0, 10),
            replyDueOn: schedule.replyDueOn,
          }),
        ]
      : caseEvents(current, (caseId) => [
          event(CommunicationSent, {
            caseId,
            communicationId: current.id,
            kind: current.kind,
            stateConcerned: current.stateConcerned,
            sentOn: now.toISOString().slice(0, 10),
            replyDueOn: schedule.replyDueOn,
            ...(current.responseActionId ? { responseActionId: current.responseActionId } : {}),
          }),
        ]),
    timers: [
      ...schedule.reminders.map((reminder): TimerChange => ({
        change: 'schedule',
        kind: 'reminder',
        subject: `${current.id}/${reminder.number}`,
        dueAt: new Date(reminder.dueAt),
      })),
      {
        change: 'schedule',
        kind: 'deadline-missed',
        subject: current.id,
        dueAt: new Date(schedule.deadlineMissedAt),
      },
    ],
  };
}

/** An attempt failed: tried again after the policy's delay, or shown as failed after the last. */
export function markDispatchFailed(
  current: Communication,
  policy: CommunicationPolicy,
  now: Date,
): CommunicationOutcome {
  expectStatus(current, ['dispatching'], 'retried');
  const attempts = current.dispatchAttempts + 1;
  const final = attempts >= policy.dispatch.maxAttempts;
  return {
    communication: {
      ...withStep(current, final ? 'dispatch-failed' : 'dispatch-retry', { kind: 'system' }, now),
      status: final ? 'failed' : 'dispatching',
      dispatchAttempts: attempts,
    },
    events: caseEvents(current, (caseId) => [
      event(DispatchFailed, { caseId, communicationId: current.id, attempts, final }),
    ]),
    timers: final
      ? []
      : [
          {
            change: 'schedule',
            kind: 'dispatch',
            subject: current.id,
            dueAt: new Date(now.getTime() + policy.dispatch.retryMinutes * 60_000),
          },
        ],
  };
}

/** Consent withdrawn or a protection flag raised before it left: it stops, and says why. */
export function stopDispatch(
  current: Communication,
  reason: 'no-consent' | 'protection-risk',
  now: Date,
): CommunicationOutcome | undefined {
  if (!['draft', 'approved', 'dispatching'].includes(current.status)) return undefined;
  return {
    communication: {
      ...withStep(current, `stopped:${reason}`, { kind: 'system' }, now),
      status: 'stopped',
      stoppedBecause: reason,
    },
    events: caseEvents(current, (caseId) => [
      event(DispatchStopped, { caseId, communicationId: current.id, reason }),
    ]),
    timers: [{ change: 'cancel', kind: 'dispatch', subject: current.id }],
  };
}

/**
 * The State replied. Every reply cancels the reminders still pending and the missed deadline in
 * the same transaction: no reminder is sent after a reply.
 */
export function recordReply(
  current: Communication,
  reply: Omit<StateReply, 'recordedAt'> & { type: StateReplyType },
  now: Date,
): CommunicationOutcome {
  expectStatus(current, ['sent', 'replied'], 'replied to');
  const sentOn = current.schedule!.sentAt.slice(0, 10);
  if (reply.receivedOn < sentOn)
    throw new CommunicationRefused(
      'reply-before-sending',
      `receivedOn: must not be before the day it was sent (${sentOn})`,
      422,
    );
  if (reply.receivedOn > now.toISOString().slice(0, 10))
    throw new CommunicationRefused('reply-in-future', 'receivedOn: must not be in the future', 422);
  const recorded: StateReply = { ...reply, recordedAt: now.toISOString() };
  return {
    communication: {
      ...withStep(current, `reply:${reply.type}`, reply.recordedBy, now),
      status: 'replied',
      replies: [...current.replies, recorded],
    },
    events: caseEvents(current, (caseId) => [
      event(ReplyReceived, {
        caseId,
        communicationId: current.id,
        replyId: reply.id,
        stateConcerned: current.stateConcerned,
        replyType: reply.type,
        receivedOn: reply.receivedOn,
        ...(current.responseActionId ? { responseActionId: current.responseActionId } : {}),
      }),
    ]),
    // Each of this communication's reminders by name: the case may have other communications waiting.
    timers: [
      ...current.schedule!.reminders.map((reminder): TimerChange => ({
        change: 'cancel',
        kind: 'reminder',
        subject: `${current.id}/${reminder.number}`,
      })),
      { change: 'cancel', kind: 'deadline-missed', subject: current.id },
    ],
  };
}

/** The liaison assesses a reply the Permanent Mission posted itself (once: a recorded assessment stands). */
export function assessReply(
  current: Communication,
  replyId: string,
  assessment: NonNullable<StateReply['assessment']>,
  actor: Extract<CommunicationActor, { kind: 'user' }>,
  now: Date,
): CommunicationOutcome {
  const reply = current.replies.find((candidate) => candidate.id === replyId);
  if (!reply) throw new CommunicationRefused('unknown-reply', 'No such reply to this communication', 404);
  if (reply.assessment !== null)
    throw new CommunicationRefused(
      'already-assessed',
      `this reply was assessed already (${reply.assessment})`,
    );
  return {
    communication: {
      ...withStep(current, `reply-assessed:${assessment}`, actor, now),
      replies: current.replies.map((candidate) =>
        candidate.id === replyId ? { ...candidate, assessment } : candidate,
      ),
    },
    events: [],
    timers: [],
  };
}

/** A reminder fell due: sent only while the State has not replied. */
export function reminderDue(
  current: Communication,
  number: number,
  now: Date,
): CommunicationOutcome | undefined {
  const schedule = current.schedule;
  if (current.status !== 'sent' || current.remindersSent.includes(number) || !schedule) return undefined;
  return {
    communication: {
      ...withStep(current, `reminder:${number}`, { kind: 'system' }, now),
      remindersSent: [...current.remindersSent, number],
    },
    events: caseEvents(current, (caseId) => [
      event(ReminderSent, {
        caseId,
        communicationId: current.id,
        stateConcerned: current.stateConcerned,
        reminder: number,
        replyDueOn: schedule.replyDueOn,
      }),
    ]),
    timers: [],
  };
}

/** Silence past the deadline and its grace: DeadlineMissed, which verification escalates. */
export function deadlineDue(current: Communication, now: Date): CommunicationOutcome | undefined {
  const schedule = current.schedule;
  if (current.status !== 'sent' || current.deadlineMissed || !schedule) return undefined;
  return {
    communication: { ...withStep(current, 'deadline-missed', { kind: 'system' }, now), deadlineMissed: true },
    events: caseEvents(current, (caseId) => [
      event(DeadlineMissed, {
        caseId,
        communicationId: current.id,
        stateConcerned: current.stateConcerned,
        deadline: schedule.replyDueOn,
        ...(current.responseActionId ? { responseActionId: current.responseActionId } : {}),
      }),
    ]),
    timers: [],
  };
}
