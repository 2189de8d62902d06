import type { CaseCommunicationKind, CommunicationKind, ResponseActionType } from '@reprisals/contracts';
import type { CommunicationPolicyDocument } from './communication-policy.schema';

const DAY_MS = 86_400_000;

/** When a reminder goes, and which one it is (1, 2, ... in date order). */
export interface ScheduledReminder {
  number: number;
  when: 'before' | 'after';
  dueAt: string;
}

/** The dates a sent communication is followed by: computed once, at sending, and shown on it. */
export interface ReplySchedule {
  sentAt: string;
  replyDueOn: string;
  reminders: ScheduledReminder[];
  deadlineMissedAt: string;
  policyVersion: string;
}

/** One published version of the rules of communications with States. */
export class CommunicationPolicy {
  constructor(readonly document: CommunicationPolicyDocument) {}

  get version(): string {
    return this.document.version;
  }

  get effectiveFrom(): string {
    return this.document.effectiveFrom;
  }

  /** The kind of communication that carries out a response action, if any does. */
  kindFor(action: ResponseActionType): CaseCommunicationKind | undefined {
    const found = Object.entries(this.document.kinds).find(([, rule]) => rule.carriesOut.includes(action));
    // The schema lets no call for input carry out a case's action.
    return found?.[0] as CaseCommunicationKind | undefined;
  }

  isDrafted(kind: CommunicationKind): boolean {
    return this.document.kinds[kind] !== undefined;
  }

  /**
   * The schedule of a communication sent at `sentAt`: the reply deadline (the end of the day,
   * `replyDays` later), each reminder, and when silence becomes a missed deadline. The same
   * dates for every State: nothing here depends on which State it is.
   */
  scheduleFor(kind: CommunicationKind, sentAt: Date): ReplySchedule {
    const rule = this.document.kinds[kind];
    if (!rule) throw new Error(`${this.version} has no rules for ${kind}`);
    const startOfDay = Date.UTC(sentAt.getUTCFullYear(), sentAt.getUTCMonth(), sentAt.getUTCDate());
    const deadline = startOfDay + rule.replyDays * DAY_MS;
    const at = (days: number) => new Date(deadline + days * DAY_MS).toISOString();
    const reminders = rule.reminders
      .map((reminder) => ({
        when: reminder.when,
        dueAt: at(reminder.when === 'before' ? -reminder.days : reminder.days),
      }))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
      .map((reminder, index) => ({ number: index + 1, ...reminder }));
    return {
      sentAt: sentAt.toISOString(),
      replyDueOn: new Date(deadline).toISOString().slice(0, 10),
      reminders,
      deadlineMissedAt: at(rule.deadlineMissedAfterDays + 1),
      policyVersion: this.version,
    };
  }

  get dispatch(): CommunicationPolicyDocument['dispatch'] {
    return this.document.dispatch;
  }
}
