import { COMMUNICATION_KINDS, STATE_REPLY_TYPES } from '@reprisals/contracts';
import type { Communication, StateReply } from '../../domain/communication/communication';
import type { DayPeriod } from '@reprisals/service-platform';

const DAY_MS = 86_400_000;

/**
 * What the figures read of a communication. The kind and the reply types are read as any word,
 * and the case is not read at all: a call for input (which has no case) counts like a letter.
 */
export type MeasuredCommunication = Pick<
  Communication,
  'stateConcerned' | 'status' | 'schedule' | 'remindersSent' | 'deadlineMissed' | 'history'
> & {
  kind: string;
  replies: ReadonlyArray<Pick<StateReply, 'receivedOn'> & { type: string }>;
};

/** The figures of a set of communications: one State's, or all of them. */
export interface CommunicationFigures {
  /** Sent in the period. */
  sent: number;
  /** Every kind of the vocabulary (0 when none), and any other kind met. */
  sentByKind: Record<string, number>;
  /** Every reply to the communications sent in the period, whenever it came. */
  replies: number;
  /** Every reply type of the vocabulary (0 when none), and any other type met. */
  repliesByType: Record<string, number>;
  /** Communications sent in the period that have at least one reply. */
  repliedTo: number;
  /** Sent, not replied to, and still within their reply time on the day the figures are taken. */
  notYetDue: number;
  /**
   * repliedTo / (sent − notYetDue), to 3 decimals: replies among the communications whose State
   * has had its whole time to answer, so that a State written to late in the period is not
   * counted as silent; null when there is none.
   */
  replyRate: number | null;
  /** Days from the day sent to the day the first reply was received; null when none was replied to. */
  medianDaysToFirstReply: number | null;
  p90DaysToFirstReply: number | null;
  remindersSent: number;
  deadlinesMissed: number;
  /** Stopped (consent or protection) on a day of the period, before they left. */
  stopped: number;
  /** Given up on a day of the period, every dispatch attempt having failed. */
  failed: number;
  /** The versions of the rules the schedules of the communications sent were computed under. */
  policyVersions: string[];
}

export interface StateFigures extends CommunicationFigures {
  /** ISO 3166-1 alpha-3. */
  state: string;
}

export interface CommunicationMetrics {
  /** The States with a communication sent, stopped or failed in the period (and the one asked for), by code. */
  states: StateFigures[];
  /** Over every communication counted, not an average of the States' figures. */
  overall: CommunicationFigures;
}

/** What is counted of one State or of all: the communications sent, and those that never left. */
interface Counted {
  sent: MeasuredCommunication[];
  stopped: number;
  failed: number;
}

/**
 * The figures of communications with States over a period, per State and overall. A communication
 * counts when it was sent on a day of the period (the day of `schedule.sentAt`); its replies,
 * reminders and missed deadline count with it, whenever they happened. A communication that never
 * left counts as stopped or failed on the day it was stopped or given up. The same rules for every
 * State: nothing here depends on which State it is.
 */
export function communicationMetrics(
  communications: readonly MeasuredCommunication[],
  period: DayPeriod,
  options: { state?: string; today: string },
): CommunicationMetrics {
  const byState = new Map<string, Counted>();
  const all: Counted = { sent: [], stopped: 0, failed: 0 };
  if (options.state) byState.set(options.state, { sent: [], stopped: 0, failed: 0 });
  for (const communication of communications) {
    if (options.state && communication.stateConcerned !== options.state) continue;
    const outcome = outcomeIn(communication, period);
    if (!outcome) continue;
    const state = byState.get(communication.stateConcerned) ?? { sent: [], stopped: 0, failed: 0 };
    byState.set(communication.stateConcerned, state);
    for (const counted of [state, all]) {
      if (outcome === 'sent') counted.sent.push(communication);
      else counted[outcome] += 1;
    }
  }
  return {
    states: [...byState.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([state, counted]) => ({ state, ...figuresOf(counted, options.today) })),
    overall: figuresOf(all, options.today),
  };
}

/** What happened to a communication in the period that the figures count, if anything. */
function outcomeIn(
  communication: MeasuredCommunication,
  period: DayPeriod,
): 'sent' | 'stopped' | 'failed' | undefined {
  const within = (at: string | undefined) =>
    at !== undefined && at.slice(0, 10) >= period.from && at.slice(0, 10) <= period.to;
  if (communication.schedule) return within(communication.schedule.sentAt) ? 'sent' : undefined;
  if (communication.status === 'stopped')
    return within(stepAt(communication, (step) => step.startsWith('stopped:'))) ? 'stopped' : undefined;
  if (communication.status === 'failed')
    return within(stepAt(communication, (step) => step === 'dispatch-failed')) ? 'failed' : undefined;
  return undefined;
}

const stepAt = (communication: MeasuredCommunication, matches: (step: string) => boolean) =>
  communication.history.find((entry) => matches(entry.step))?.at;

function figuresOf({ sent, stopped, failed }: Counted, today: string): CommunicationFigures {
  const replies = sent.flatMap((communication) => communication.replies);
  const firstReplyDays = sent
    .filter((communication) => communication.replies.length > 0)
    .map((communication) => daysToFirstReply(communication))
    .sort((a, b) => a - b);
  const repliedTo = firstReplyDays.length;
  const notYetDue = sent.filter(
    (communication) => communication.replies.length === 0 && communication.schedule!.replyDueOn >= today,
  ).length;
  const due = sent.length - notYetDue;
  return {
    sent: sent.length,
    sentByKind: tally(
      COMMUNICATION_KINDS,
      sent.map((communication) => communication.kind),
    ),
    replies: replies.length,
    repliesByType: tally(
      STATE_REPLY_TYPES,
      replies.map((reply) => reply.type),
    ),
    repliedTo,
    notYetDue,
    replyRate: due === 0 ? null : Math.round((repliedTo / due) * 1000) / 1000,
    medianDaysToFirstReply: nearestRank(firstReplyDays, 50),
    p90DaysToFirstReply: nearestRank(firstReplyDays, 90),
    remindersSent: sent.reduce((total, communication) => total + communication.remindersSent.length, 0),
    deadlinesMissed: sent.filter((communication) => communication.deadlineMissed).length,
    stopped,
    failed,
    policyVersions: [
      ...new Set(sent.flatMap((communication) => communication.schedule?.policyVersion ?? [])),
    ].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
  };
}

/** Each word of the vocabulary (0 when absent), then any other word met, with how often it occurs. */
function tally(vocabulary: readonly string[], words: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(vocabulary.map((word) => [word, 0]));
  for (const word of words) counts[word] = (counts[word] ?? 0) + 1;
  return counts;
}

/** Calendar days from the day it was sent to the day its earliest reply was received. */
function daysToFirstReply(communication: MeasuredCommunication): number {
  const firstReceivedOn = communication.replies
    .map((reply) => reply.receivedOn)
    .reduce((earliest, day) => (day < earliest ? day : earliest));
  const sentOn = communication.schedule!.sentAt.slice(0, 10);
  return Math.round((Date.parse(firstReceivedOn) - Date.parse(sentOn)) / DAY_MS);
}

/**
 * The p-th percentile by the nearest-rank method: the smallest value with at least p% of the
 * values at or below it (rank ⌈p·n/100⌉ of the sorted values), so always a number of days that
 * was observed. The median is the 50th percentile by the same method: with an even count, the
 * lower of the two middle values. Null when there is no value.
 */
export function nearestRank(sorted: readonly number[], percentile: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((percentile * sorted.length) / 100));
  return sorted[rank - 1]!;
}
