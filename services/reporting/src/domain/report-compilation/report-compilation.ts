import type { CaseForReport } from './case-for-report';
import {
  decideInclusion,
  type ExclusionReason,
  type InclusionRules,
  type PresidentBriefingRules,
} from './report-inclusion';
import type { ReportingCycle } from './reporting-cycle';
import {
  ACT_PHRASES,
  COOPERATION_MECHANISM_PHRASES,
  phraseOf,
  VICTIM_PROFILE_PHRASES,
} from './summary-phrases';

/** One entry of an annex: what a report says of a case, written from non-identifying fields. */
export interface ReportEntry {
  caseId: string;
  stateConcerned: string;
  /** Consent allows publication without naming the person only: the entry is anonymised. */
  anonymised: boolean;
  summary: string;
  mechanism: string | null;
  category: string | null;
  acts: string[];
  /** The UN's response actions decided (annex I: all of them; annex II: those of the period). */
  actionsTaken: string[];
  /** The State's first reply by the cut-off (annex II: its replies of the period), or none. */
  stateResponse: { type: string; receivedOn: string } | 'no-response-by-cut-off';
}

export interface ReportExclusion {
  caseId: string;
  stateConcerned: string;
  annex: 'I' | 'II';
  reason: ExclusionReason;
  explanation: string;
}

/** A compiled draft: annex I (new cases), annex II (follow-up), and every case left out, with why. */
export interface CompiledReport {
  annexI: ReportEntry[];
  annexII: ReportEntry[];
  exclusions: ReportExclusion[];
}

/**
 * Compiles the draft of a cycle's report.
 * - Annex I: cases not yet in a finalised report, received in the period, or received before it
 *   and concluded in it (late verification for the previous cycle moves here).
 * - Annex II: cases of earlier reports with a development in the period up to its cut-off (an
 *   action decided, a reply of the State).
 * An HRC President's briefing has the same two parts for its own cases (see briefingSectionOf).
 * Each candidate passes the rules of inclusion again: a consent withdrawn or a flag raised after
 * an earlier draft removes the entry from the next compile. Entries and exclusions are ordered by
 * State then reception, so that two compiles of the same facts give the same draft.
 */
export function compileReport(
  cases: readonly CaseForReport[],
  cycle: ReportingCycle,
  rules: InclusionRules,
): CompiledReport {
  const compiled: CompiledReport = { annexI: [], annexII: [], exclusions: [] };
  const inWindow = (day: string) => day >= cycle.periodFrom && day <= cycle.cutOff;
  for (const reported of [...cases].sort(byStateThenReception)) {
    const annex =
      cycle.kind === 'hrc-president-briefing'
        ? briefingSectionOf(reported, rules.presidentBriefing, inWindow)
        : annexOf(reported, cycle, inWindow);
    if (!annex) continue;
    const decision = decideInclusion(reported, cycle, rules);
    if (!decision.included) {
      compiled.exclusions.push({
        caseId: reported.caseId,
        stateConcerned: reported.stateConcerned,
        annex,
        reason: decision.reason,
        explanation: decision.explanation,
      });
      continue;
    }
    const entry = entryOf(reported, decision.anonymised, annex === 'I' ? () => true : inWindow, cycle);
    (annex === 'I' ? compiled.annexI : compiled.annexII).push(entry);
  }
  return compiled;
}

/** A case of an earlier report with an action decided or a reply of the State in the window. */
const developedIn = (reported: CaseForReport, inWindow: (day: string) => boolean): boolean =>
  reported.actions.some((action) => action.status !== 'cancelled' && inWindow(action.decidedOn)) ||
  reported.stateReplies.some((reply) => inWindow(reply.receivedOn));

function annexOf(
  reported: CaseForReport,
  cycle: ReportingCycle,
  inWindow: (day: string) => boolean,
): 'I' | 'II' | undefined {
  if (reported.includedIn.length > 0) return developedIn(reported, inWindow) ? 'II' : undefined;
  if (reported.receivedOn > cycle.periodTo) return undefined;
  if (reported.receivedOn >= cycle.periodFrom) return 'I';
  const concludedOn = reported.verification?.concludedOn;
  return concludedOn !== undefined && inWindow(concludedOn) ? 'I' : undefined;
}

/**
 * The HRC President's briefing: cases brought to the President's attention since the last
 * session (an action of the rules' types decided in the window: section I), and cases of earlier
 * briefings with a development in it (section II). A case never brought to the President's
 * attention is not the briefing's business: it is neither an entry nor an exclusion.
 */
function briefingSectionOf(
  reported: CaseForReport,
  rules: PresidentBriefingRules,
  inWindow: (day: string) => boolean,
): 'I' | 'II' | undefined {
  if (reported.includedIn.length > 0) return developedIn(reported, inWindow) ? 'II' : undefined;
  const brought = reported.actions.some(
    (action) =>
      action.status !== 'cancelled' &&
      rules.broughtToAttentionBy.includes(action.type) &&
      inWindow(action.decidedOn),
  );
  return brought ? 'I' : undefined;
}

function entryOf(
  reported: CaseForReport,
  anonymised: boolean,
  counts: (day: string) => boolean,
  cycle: ReportingCycle,
): ReportEntry {
  const replies = reported.stateReplies
    .filter((reply) => reply.receivedOn <= cycle.cutOff && counts(reply.receivedOn))
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  return {
    caseId: reported.caseId,
    stateConcerned: reported.stateConcerned,
    anonymised,
    // Consent to publish anonymously: the entry keeps the State, the UN's action and the State's
    // response, and drops what could single the person out (profile, mechanism, category, acts).
    summary: anonymised ? ANONYMISED_SUMMARY : summaryOf(reported),
    mechanism: anonymised ? null : (reported.cooperation?.mechanism ?? null),
    category: anonymised ? null : (reported.cooperation?.category ?? null),
    acts: anonymised ? [] : [...new Set(reported.acts.map((act) => act.type))],
    actionsTaken: reported.actions
      .filter(
        (action) =>
          action.status !== 'cancelled' && action.decidedOn <= cycle.cutOff && counts(action.decidedOn),
      )
      .map((action) => action.type),
    stateResponse: replies[0]
      ? { type: replies[0].type, receivedOn: replies[0].receivedOn }
      : 'no-response-by-cut-off',
  };
}

/** The summary of an entry whose consent allows publication without anything that could single the person out. */
export const ANONYMISED_SUMMARY =
  'A person who cooperated with the United Nations was reportedly subjected to intimidation or reprisal.';

/**
 * The summary of an entry, from categories only: who (a profile, never a name), with which
 * mechanism they cooperated (and the para 4 category), and what was done to them. Every code is
 * written as its English phrase; a code no phrase is known for is left out rather than printed.
 */
export function summaryOf(reported: CaseForReport): string {
  const [victim] = reported.victims;
  const organisation = victim?.kind === 'organisation';
  const who = organisation
    ? 'An organisation'
    : (phraseOf(VICTIM_PROFILE_PHRASES, victim?.profile ?? 'other') ?? 'A person');
  const { cooperation } = reported;
  const cooperated = cooperation
    ? ` ${organisation ? 'that' : 'who'} cooperated with ${phraseOf(COOPERATION_MECHANISM_PHRASES, cooperation.mechanism) ?? 'the United Nations'} (resolution 54/24, para. 4 (${cooperation.category}))`
    : '';
  return `${who}${cooperated} was reportedly ${whatWasDone(reported.acts)}.`;
}

/** The acts as one predicate: "subjected to threats and a travel ban, including online", "killed". */
function whatWasDone(acts: CaseForReport['acts']): string {
  const phrases = acts.map((act) => ({ act, phrase: phraseOf(ACT_PHRASES, act.type) ?? ACT_PHRASES.other }));
  // "Other" adds nothing beside a named act; alone, it says that the act is of another kind.
  const named = phrases.filter(({ phrase }) => phrase !== ACT_PHRASES.other);
  const told = named.length > 0 ? named : phrases;
  const subjectedTo = unique(
    told.flatMap(({ phrase }) => ('subjectedTo' in phrase ? [phrase.subjectedTo] : [])),
  );
  const was = unique(told.flatMap(({ phrase }) => ('was' in phrase ? [phrase.was] : [])));
  const online = phrases.some(({ act, phrase }) => act.online && !phrase.online) ? ', including online' : '';
  if (subjectedTo.length === 0 && was.length === 0) return 'subjected to intimidation or reprisal';
  const predicates = [
    ...(subjectedTo.length > 0
      ? [`subjected to ${listOf(subjectedTo)}${online}${online && was.length > 0 ? ',' : ''}`]
      : []),
    ...was,
  ];
  return listOf(predicates);
}

const unique = (items: readonly string[]): string[] => [...new Set(items)];
const listOf = (items: string[]): string =>
  items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
const byStateThenReception = (a: CaseForReport, b: CaseForReport): number =>
  a.stateConcerned.localeCompare(b.stateConcerned) ||
  a.receivedOn.localeCompare(b.receivedOn) ||
  a.caseId.localeCompare(b.caseId);
