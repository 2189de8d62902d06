import type { ConsentScopes } from '@reprisals/contracts';
import { hrcMembershipOf, unRegionalGroupOf } from '@reprisals/un-states';
import type { ReportedAct, ReportedAction, ReportedVictim } from '../report-case/report-case';

/** What cases can be counted by, 0 to 3 at a time. */
export const STATISTICS_DIMENSIONS = [
  'state',
  'region',
  'hrcMember',
  'gender',
  'victimKind',
  'profile',
  'actType',
  'online',
  'mechanism',
  'category',
  'anonymity',
  'perpetrator',
  'verificationOutcome',
  'responseAction',
  'replyStatus',
  'year',
] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

export const MAX_DIMENSIONS = 3;

/** A fact the allegation did not record (allegations recorded before it was captured). */
export const NOT_RECORDED = 'not-recorded';
/** A fact of individuals (gender, profile) for a victim that is an organisation. */
export const NOT_APPLICABLE = 'not-applicable';
/** Verification has not concluded yet. */
export const PENDING = 'pending';
/** No response action decided (or every one cancelled). */
export const NO_RESPONSE_ACTION = 'none';

export const REPLY_STATUSES = ['replied', 'deadline-missed', 'awaiting', 'none'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** One case as it is counted: categories and outcomes, and the consent to publish it. */
export interface CountedCase {
  year: number;
  stateConcerned: string;
  victims: ReadonlyArray<Pick<ReportedVictim, 'kind' | 'profile' | 'gender'>>;
  acts: ReadonlyArray<Pick<ReportedAct, 'type' | 'online' | 'perpetrator'>>;
  mechanism: string | null;
  category: string | null;
  /** The current consent to publish (named, anonymous or no; no when none is recorded or it was withdrawn). */
  publish: ConsentScopes['publish'];
  verificationOutcome: string | null;
  responseActions: ReadonlyArray<Pick<ReportedAction, 'type' | 'status'>>;
  communicationsSent: number;
  deadlinesMissed: number;
  firstReplyType: string | null;
}

/** What a dimension describes: the case itself, each of its victims, each of its acts, each response action. */
type Subject = 'case' | 'victim' | 'act' | 'action';

const SUBJECT_OF: Record<StatisticsDimension, Subject> = {
  state: 'case',
  region: 'case',
  hrcMember: 'case',
  year: 'case',
  mechanism: 'case',
  category: 'case',
  anonymity: 'case',
  verificationOutcome: 'case',
  replyStatus: 'case',
  gender: 'victim',
  victimKind: 'victim',
  profile: 'victim',
  actType: 'act',
  online: 'act',
  perpetrator: 'act',
  responseAction: 'action',
};

type Victim = CountedCase['victims'][number];
type Act = CountedCase['acts'][number];

/**
 * The combinations of values a case counts under, each once, for the dimensions asked (in that
 * order). Dimensions of victims, of acts and of response actions are multi-valued: a case counts
 * once under each value it has (two victims, a woman and a man: once under each). Dimensions of
 * the same victim or the same act go together, victim by victim and act by act (an online
 * hacking and an offline threat never make an "online threat"); those of different subjects are
 * combined within the case. A case without victims or acts counts once under `not-recorded`, one
 * without a response action under `none`.
 */
export function combinationsOf(counted: CountedCase, dimensions: readonly StatisticsDimension[]): string[][] {
  const subjects = [...new Set(dimensions.map((dimension) => SUBJECT_OF[dimension]))];
  const partials = subjects.reduce<Array<Partial<Record<StatisticsDimension, string>>>>(
    (combined, subject) => {
      const asked = dimensions.filter((dimension) => SUBJECT_OF[dimension] === subject);
      return combined.flatMap((partial) =>
        optionsOf(counted, subject, asked).map((option) => ({ ...partial, ...option })),
      );
    },
    [{}],
  );
  const unique = new Map(
    partials.map((partial) => {
      const values = dimensions.map((dimension) => partial[dimension] ?? NOT_RECORDED);
      return [JSON.stringify(values), values] as const;
    }),
  );
  return [...unique.values()];
}

/** The values a case has for one dimension, each once. */
export function valuesOf(counted: CountedCase, dimension: StatisticsDimension): string[] {
  return combinationsOf(counted, [dimension]).map(([value]) => value ?? NOT_RECORDED);
}

function optionsOf(
  counted: CountedCase,
  subject: Subject,
  dimensions: readonly StatisticsDimension[],
): Array<Partial<Record<StatisticsDimension, string>>> {
  const each = <T>(
    items: readonly T[],
    valueOf: (item: T, dimension: StatisticsDimension) => string,
    none: string,
  ) =>
    items.length > 0
      ? items.map((item) =>
          Object.fromEntries(dimensions.map((dimension) => [dimension, valueOf(item, dimension)])),
        )
      : [Object.fromEntries(dimensions.map((dimension) => [dimension, none]))];
  switch (subject) {
    case 'case':
      return [Object.fromEntries(dimensions.map((dimension) => [dimension, caseValue(counted, dimension)]))];
    case 'victim':
      return each(counted.victims, victimValue, NOT_RECORDED);
    case 'act':
      return each(counted.acts, actValue, NOT_RECORDED);
    case 'action':
      return each(
        counted.responseActions.flatMap((action) =>
          action.type !== null && action.status !== 'cancelled' ? [action.type] : [],
        ),
        (type) => type,
        NO_RESPONSE_ACTION,
      );
  }
}

function caseValue(counted: CountedCase, dimension: StatisticsDimension): string {
  switch (dimension) {
    case 'state':
      return counted.stateConcerned;
    case 'region':
      // The UN regional group of the State concerned; `no-group` for the Observer States (and for fictional States outside demo mode).
      return unRegionalGroupOf(counted.stateConcerned);
    case 'hrcMember':
      // Whether the State concerned sat on the Human Rights Council in the year the case was
      // received: member, not-member, or not-recorded for a year whose membership is not shipped.
      return hrcMembershipOf(counted.stateConcerned, counted.year);
    case 'year':
      return String(counted.year);
    case 'mechanism':
      return counted.mechanism ?? NOT_RECORDED;
    case 'category':
      return counted.category ?? NOT_RECORDED;
    case 'anonymity':
      return counted.publish;
    case 'verificationOutcome':
      return counted.verificationOutcome ?? PENDING;
    case 'replyStatus':
      return replyStatusOf(counted);
    default:
      // Dimensions of victims, acts and actions are valued item by item, never here.
      return NOT_RECORDED;
  }
}

function victimValue(victim: Victim, dimension: StatisticsDimension): string {
  if (dimension === 'victimKind') return victim.kind;
  if (victim.kind === 'organisation') return NOT_APPLICABLE;
  return (dimension === 'gender' ? victim.gender : victim.profile) ?? NOT_RECORDED;
}

function actValue(act: Act, dimension: StatisticsDimension): string {
  if (dimension === 'online') return act.online ? 'online' : 'offline';
  return dimension === 'perpetrator' ? act.perpetrator : act.type;
}

/**
 * Where the conversation with the State stands: a reply received (whatever came before it), else
 * a reply deadline missed, else a communication awaiting its reply, else none sent.
 */
export function replyStatusOf(
  counted: Pick<CountedCase, 'firstReplyType' | 'deadlinesMissed' | 'communicationsSent'>,
): ReplyStatus {
  if (counted.firstReplyType !== null) return 'replied';
  if (counted.deadlinesMissed > 0) return 'deadline-missed';
  if (counted.communicationsSent > 0) return 'awaiting';
  return 'none';
}
