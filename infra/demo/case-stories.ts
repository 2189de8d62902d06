import {
  ACT_TYPES,
  AGE_GROUPS,
  COOPERATION_CATEGORIES,
  GENDERS,
  ORGANISATION_TYPES,
  OUT_OF_SCOPE_REASONS,
  STATE_REPLY_TYPES,
  VICTIM_PROFILES,
} from '@reprisals/contracts';
import { FICTIONAL_STATES } from '@reprisals/un-states';
import {
  demonstrationSummary,
  fictionalOrganisationName,
  fictionalPersonName,
  MECHANISM_DETAILS,
} from './fictional-cast';
import { addDays, daysBetween, type ReportingPeriod } from './reporting-periods';
import { SeededRandom } from '@reprisals/testing';

/** What the victim agreed to, as recorded with the allegation. */
export type ConsentPlan = 'named' | 'anonymous' | 'no-publish' | 'no-raise' | 'none';

export const CONSENT_SCOPES: Record<Exclude<ConsentPlan, 'none'>, Record<string, string>> = {
  named: { raiseWithState: 'named', shareWithUnEntities: 'yes', publish: 'named' },
  anonymous: { raiseWithState: 'anonymous', shareWithUnEntities: 'yes', publish: 'anonymous' },
  'no-publish': { raiseWithState: 'named', shareWithUnEntities: 'yes', publish: 'no' },
  'no-raise': { raiseWithState: 'no', shareWithUnEntities: 'no', publish: 'anonymous' },
};

/** The State-facing tools the demonstration uses, the kind of letter each becomes and its reply time. */
export const LETTERS = {
  'private-engagement': { replyDays: 60, graceDays: 14 },
  'allegation-letter': { replyDays: 60, graceDays: 14 },
  'urgent-appeal': { replyDays: 7, graceDays: 2 },
  'senior-engagement': { replyDays: 30, graceDays: 7 },
  'hrc-president-good-offices': { replyDays: 30, graceDays: 7 },
} as const;
export type LetterTool = keyof typeof LETTERS;

/** What the State does with a letter: a reply on a day, by its Mission or recorded by a liaison, or silence. */
export type StateAnswer =
  | { kind: 'reply'; on: string; type: (typeof STATE_REPLY_TYPES)[number]; by: 'mission' | 'liaison' }
  | { kind: 'silence'; missedOn: string };

/** One dated step of a case's story; the steps of a case run in this order. */
export type StoryStep =
  | { on: string; kind: 'receive' }
  | { on: string; kind: 'flag-protection-risk' }
  | { on: string; kind: 'lift-protection-risk' }
  | { on: string; kind: 'screen' }
  | { on: string; kind: 'conclude' }
  | { on: string; kind: 'decide-internal'; tool: 'monitoring' | 'protection-referral' | 'follow-up' }
  | { on: string; kind: 'write-to-state'; letter: number }
  | { on: string; kind: 'state-answers'; letter: number }
  | { on: string; kind: 'withdraw-consent' };

export interface PlannedLetter {
  tool: LetterTool;
  /** Decided (and sent) on this day. */
  on: string;
  answer: StateAnswer;
  /** A letter decided after this one went unanswered: wait for its missed deadline first. */
  escalates?: number;
}

/** A case of the demonstration from reception to its last step, decided once from the seed. */
export interface CaseStory {
  index: number;
  state: string;
  lead: string;
  period: number;
  receivedOn: string;
  allegation: Record<string, unknown>;
  consent: ConsentPlan;
  screening:
    | { inScope: true; risk: string; urgency: string; category: string; perpetrator: string }
    | { inScope: false; reason: string; referral: string };
  conclusion?: { on: string; outcome: string; late: boolean };
  letters: PlannedLetter[];
  steps: StoryStep[];
}

/** How willing each fictional State is to answer: Grand Fenwick nearly always, Borduria rarely. */
const REPLY_PROPENSITY: Readonly<Record<string, number>> = {
  XBO: 0.2,
  XEL: 0.45,
  XFR: 0.35,
  XGR: 0.9,
  XRU: 0.8,
  XSY: 0.55,
};
const STATE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['XRU', 26],
  ['XBO', 22],
  ['XSY', 18],
  ['XEL', 14],
  ['XFR', 12],
  ['XGR', 8],
];
/** The UN entities that lead the demonstration's cases. */
export const LEAD_ENTITIES: ReadonlyArray<readonly [string, number]> = [
  ['OHCHR', 50],
  ['SPECIAL-PROCEDURES', 15],
  ['TREATY-BODIES', 10],
  ['UNDP', 8],
  ['UNHCR', 7],
  ['UN-WOMEN', 5],
  ['ASG-HR', 5],
];
/** The share of verified or credible cases written to that the President's good offices are decided for, too. */
const GOOD_OFFICES_SHARE = 0.3;
const ONLINE_ACTS: readonly string[] = ['online-harassment', 'hacking', 'smear-or-stigmatisation-campaign'];

export interface StoryOptions {
  cases: number;
  seed: number;
  /** The real day the demonstration runs: nothing happens after it. */
  today: string;
  periods: readonly ReportingPeriod[];
}

/** The cases of the demonstration, spread over the periods (most in the past ones), same seed same cases. */
export function writeCaseStories(options: StoryOptions): CaseStory[] {
  if (FICTIONAL_STATES.length < STATE_WEIGHTS.length) throw new Error('fictional States are missing');
  const random = new SeededRandom(options.seed);
  const lastDay = addDays(options.today, -2);
  const current = options.periods.length - 1;
  return Array.from({ length: options.cases }, (_, index) => {
    // Past periods share most cases; the current one gets a share in proportion to its days so far.
    const period = index % 7 === 6 ? current : index % (options.periods.length - 1);
    return writeStory(random, index, period, options.periods, lastDay);
  });
}

function writeStory(
  random: SeededRandom,
  index: number,
  periodIndex: number,
  periods: readonly ReportingPeriod[],
  lastDay: string,
): CaseStory {
  const period = periods[periodIndex]!;
  const periodEnd = period.to < lastDay ? period.to : lastDay;
  const windowDays = Math.max(0, daysBetween(period.from, periodEnd) - 20);
  const receivedOn = addDays(period.from, random.integer(0, windowDays));
  const state = random.weighted(STATE_WEIGHTS);
  const lead = random.weighted(LEAD_ENTITIES);
  const allegation = allegationOf(random, state, receivedOn, index);
  const consent = random.weighted<ConsentPlan>([
    ['anonymous', 35],
    ['named', 25],
    ['no-publish', 15],
    ['no-raise', 12],
    ['none', 5],
  ]);
  if (consent !== 'none')
    allegation['consent'] = {
      scopes: CONSENT_SCOPES[consent],
      givenBy: random.weighted([
        ['victim', 6],
        ['family', 2],
        ['representative', 1],
        ['organisation', 1],
      ]),
      givenOn: receivedOn,
      form: random.pick(['written', 'oral', 'recorded']),
    };
  const steps: StoryStep[] = [{ on: receivedOn, kind: 'receive' }];
  const letters: PlannedLetter[] = [];
  const within = (day: string) => day <= lastDay;
  const raises = consent !== 'none' && consent !== 'no-raise';

  // A protection risk withholds the case from every State-facing and public step; a third are lifted.
  const flagged = random.chance(0.07);
  const liftedOn = flagged && random.chance(0.35) ? addDays(receivedOn, random.integer(8, 15)) : undefined;
  if (flagged) steps.push({ on: addDays(receivedOn, random.integer(1, 4)), kind: 'flag-protection-risk' });
  if (liftedOn && within(liftedOn)) steps.push({ on: liftedOn, kind: 'lift-protection-risk' });
  const withheld = flagged && !(liftedOn && within(liftedOn));

  const screenedOn = addDays(receivedOn, random.integer(5, 10));
  const inScope = random.chance(0.88);
  const urgent = inScope && raises && !flagged && random.chance(0.06);
  const screening: CaseStory['screening'] = inScope
    ? {
        inScope: true,
        risk: urgent
          ? 'critical'
          : random.weighted([
              ['low', 3],
              ['medium', 4],
              ['high', 3],
            ]),
        urgency: urgent
          ? 'imminent'
          : random.weighted([
              ['routine', 6],
              ['urgent', 4],
            ]),
        category: (allegation['cooperation'] as { category: string }).category,
        perpetrator: random.weighted([
          ['state', 8],
          ['non-state', 1],
          ['unknown', 1],
        ]),
      }
    : {
        inScope: false,
        reason: random.pick(OUT_OF_SCOPE_REASONS),
        referral: random.pick(['special-procedures', 'ohchr-field-presence', 'protection-partner', 'none']),
      };
  // The story as far as it went: the steps and letters are added to as it goes on.
  const storySoFar = () => ({
    index,
    state,
    lead,
    period: periodIndex,
    receivedOn,
    allegation,
    consent,
    screening,
    letters,
    steps,
  });
  if (!within(screenedOn)) return storySoFar();
  steps.push({ on: screenedOn, kind: 'screen' });
  if (!inScope) return storySoFar();

  const writeTo = (tool: LetterTool, on: string, escalates?: number): number => {
    const { replyDays, graceDays } = LETTERS[tool];
    const replies = random.chance(REPLY_PROPENSITY[state] ?? 0.5);
    // Well before the deadline: the reply lands in the calendar's week of its day, at the latest.
    const latest = replyDays >= 30 ? replyDays - 12 : replyDays - 4;
    const answer: StateAnswer = replies
      ? {
          kind: 'reply',
          on: addDays(on, random.integer(Math.min(5, latest), latest)),
          type: random.weighted([
            ['substantive-reply', 4],
            ['acknowledgement', 3],
            ['rejection-of-allegation', 3],
            ['information-on-measures-taken', 2],
            ['request-for-clarification', 1],
          ]),
          by: random.chance(0.7) ? 'mission' : 'liaison',
        }
      : { kind: 'silence', missedOn: addDays(on, replyDays + graceDays + 1) };
    letters.push({ tool, on, answer, ...(escalates !== undefined ? { escalates } : {}) });
    const letter = letters.length - 1;
    steps.push({ on, kind: 'write-to-state', letter });
    const answeredOn = answer.kind === 'reply' ? answer.on : answer.missedOn;
    if (answer.kind === 'reply' && within(answeredOn))
      steps.push({ on: answeredOn, kind: 'state-answers', letter });
    return letter;
  };

  // The urgent track: an urgent appeal and a protection referral on the day the risk is assessed.
  if (urgent) {
    writeTo('urgent-appeal', screenedOn);
    steps.push({ on: screenedOn, kind: 'decide-internal', tool: 'protection-referral' });
  }

  // Verification concludes a few weeks or months later; a few, received late in a period, after its cut-off.
  const late =
    periodIndex < periods.length - 1 && daysBetween(receivedOn, period.to) < 75 && random.chance(0.35);
  const concludedOn = late
    ? addDays(period.to, random.integer(5, 45))
    : addDays(screenedOn, random.integer(15, 90));
  if (!within(concludedOn)) return storySoFar();
  const outcome = random.weighted([
    ['verified', 45],
    ['credible-not-verified', 20],
    ['unverified', 15],
    ['rejected', 10],
    ['falsely-attributed', 10],
  ]);
  const conclusion = { on: concludedOn, outcome, late: late && concludedOn > period.to };
  steps.push({ on: concludedOn, kind: 'conclude' });
  const story = { ...storySoFar(), conclusion };
  if (outcome === 'rejected' || outcome === 'falsely-attributed') return story;

  const decidedOn = addDays(concludedOn, random.integer(2, 10));
  if (!within(decidedOn)) return story;
  if (random.chance(0.5)) steps.push({ on: decidedOn, kind: 'decide-internal', tool: 'monitoring' });
  const writes =
    raises && !withheld && random.chance(outcome === 'verified' ? 0.8 : outcome === 'unverified' ? 0.3 : 0.6);
  if (writes) {
    const tool = random.weighted<LetterTool>([
      ['private-engagement', 65],
      ['allegation-letter', 20],
      ['senior-engagement', 15],
    ]);
    const first = writeTo(tool, decidedOn);
    const answer = letters[first]!.answer;
    // Silence past the deadline: half the time the next tool of the ladder follows.
    if (answer.kind === 'silence' && random.chance(0.5)) {
      const escalatedOn = addDays(answer.missedOn, random.integer(10, 30));
      if (within(escalatedOn))
        writeTo(
          tool === 'senior-engagement' ? 'hrc-president-good-offices' : 'senior-engagement',
          escalatedOn,
          first,
        );
    } else if (outcome !== 'unverified' && random.chance(GOOD_OFFICES_SHARE)) {
      // A serious case is brought to the President of the Human Rights Council a few weeks after
      // the first letter, whatever the State answered: the President's next briefing holds it.
      const broughtOn = addDays(decidedOn, random.integer(14, 45));
      if (within(broughtOn)) writeTo('hrc-president-good-offices', broughtOn);
    }
  }
  // A case of an earlier report is followed up in a later period: a development for annex II.
  const next = periods[periodIndex + 1];
  if (next && random.chance(0.35)) {
    const drawn = addDays(next.from, random.integer(20, 200));
    // Never before the response is decided: a verification concluded late comes first.
    const followedOn = drawn > decidedOn ? drawn : addDays(decidedOn, 14);
    if (within(followedOn)) steps.push({ on: followedOn, kind: 'decide-internal', tool: 'follow-up' });
  }
  // A few victims withdraw their consent later on: the case leaves the next compile.
  if (consent !== 'none' && random.chance(0.06)) {
    const withdrawnOn = addDays(decidedOn, random.integer(20, 240));
    if (within(withdrawnOn)) steps.push({ on: withdrawnOn, kind: 'withdraw-consent' });
  }
  return story;
}

/** The body of `POST /intake/allegations` for a fictional case concerning `state`. */
function allegationOf(
  random: SeededRandom,
  state: string,
  receivedOn: string,
  index: number,
): Record<string, unknown> {
  const victims = Array.from({ length: random.chance(0.15) ? 2 : 1 }, (_, victim) =>
    random.chance(0.8)
      ? {
          kind: 'individual',
          name: fictionalPersonName(index * 3 + victim),
          gender: random.weighted(
            GENDERS.map(
              (gender) => [gender, gender === 'undisclosed' ? 1 : gender === 'non-binary' ? 0.5 : 4] as const,
            ),
          ),
          ageGroup: random.weighted(AGE_GROUPS.map((group) => [group, group === 'adult' ? 8 : 1] as const)),
          profile: random.weighted(
            VICTIM_PROFILES.filter((profile) => profile !== 'civil-society-organisation').map(
              (profile) =>
                [
                  profile,
                  profile === 'human-rights-defender' ? 6 : profile === 'journalist' ? 3 : 1,
                ] as const,
            ),
          ),
        }
      : {
          kind: 'organisation',
          name: fictionalOrganisationName(random, state),
          organisationType: random.pick(ORGANISATION_TYPES),
        },
  );
  const mechanism = random.weighted([
    ['human-rights-council', 4],
    ['universal-periodic-review', 3],
    ['special-procedure', 4],
    ['treaty-body', 3],
    ['ohchr-or-field-presence', 2],
    ['peace-operation', 1],
    ['security-council', 1],
    ['un-agency', 1],
    ['regional-mechanism', 1],
  ] as const);
  const acts = Array.from(
    {
      length: random.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ]),
    },
    () => {
      const type = random.weighted(
        ACT_TYPES.map(
          (act) =>
            [act, act === 'killing' ? 0.3 : act === 'intimidation' || act === 'threats' ? 4 : 1.5] as const,
        ),
      );
      return {
        type,
        date: addDays(receivedOn, -random.integer(1, 60)),
        country: state,
        online: ONLINE_ACTS.includes(type) ? true : random.chance(0.1),
        perpetrator: random.weighted([
          ['state', 7],
          ['non-state', 2],
          ['unknown', 1],
        ]),
      };
    },
  );
  const details = MECHANISM_DETAILS[mechanism];
  const firstVictim = victims[0]!;
  const profile =
    firstVictim.kind === 'individual' ? String(firstVictim.profile) : 'civil society organisation';
  return {
    stateConcerned: state,
    receivedVia: random.pick(['email', 'online-form', 'meeting', 'field-mission']),
    receivedOn,
    summary: demonstrationSummary(profile, [...new Set(acts.map((act) => act.type))], mechanism),
    submissionLanguage: random.pick(['en', 'en', 'fr', 'es']),
    victims,
    cooperation: {
      mechanism,
      ...(details ? { detail: random.pick(details) } : {}),
      category: random.weighted(
        COOPERATION_CATEGORIES.map((category) => [category, category === 'a' ? 5 : 2] as const),
      ),
      date: addDays(receivedOn, -random.integer(30, 200)),
    },
    acts,
    sources: random.chance(0.6)
      ? [
          {
            name: fictionalPersonName(index * 3 + 2),
            channel: 'email',
            receivedOn,
            relation: random.pick(['relative', 'representative', 'organisation', 'witness']),
            reliability: random.pick(['reliable', 'usually-reliable', 'not-yet-assessed']),
          },
        ]
      : [],
  };
}
