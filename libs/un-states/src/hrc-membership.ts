import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ALPHA3_PATTERN } from './un-state';
import { parseDataFile, UnStatesDataError } from './un-states.loader';

/** The Human Rights Council has 47 members (General Assembly resolution 60/251, para. 7). */
export const HRC_SEATS = 47;

/**
 * Whether a State sat on the Human Rights Council in a calendar year: `member` (a seat held on at
 * least one day of the year), `not-member`, or `not-recorded` for a year whose membership is not
 * shipped (before 2012, when terms ran from June to June, and after the last election recorded).
 */
export const HRC_MEMBERSHIPS = ['member', 'not-member', 'not-recorded'] as const;
export type HrcMembership = (typeof HRC_MEMBERSHIPS)[number];

export const HRC_MEMBERSHIP_DATA_PATH = resolve(__dirname, '../data/hrc-membership.yaml');

const code = z.string().regex(ALPHA3_PATTERN, 'must be an ISO 3166-1 alpha-3 code');
const year = z.number().int().min(2006);
const day = z
  .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)])
  .transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)));

const hrcMembershipDocumentSchema = z.strictObject({
  years: z.strictObject({ first: year, last: year }),
  elections: z.array(
    z.strictObject({ held: year, firstYear: year, lastYear: year, elected: z.array(code).min(1) }),
  ),
  changes: z.array(z.strictObject({ left: code, on: day, replacedBy: code, from: day })),
});

/** A seat held by a State from one day to another (both included), as ISO dates. */
export interface HrcTerm {
  state: string;
  from: string;
  to: string;
}

export interface HrcMembershipData {
  /** The calendar years whose membership is shipped, first and last included. */
  years: { first: number; last: number };
  terms: readonly HrcTerm[];
}

/**
 * Validates the membership's text (YAML) and turns elections and seat changes into terms: an
 * election's terms run from 1 January of their first year (or the day a replacement was elected)
 * to 31 December of their last (or the day the member left).
 */
export function parseHrcMembership(text: string, source = 'document'): HrcMembershipData {
  const { years, elections, changes } = parseDataFile(hrcMembershipDocumentSchema, text, source);
  const terms: HrcTerm[] = [];
  const problems: string[] = [];
  for (const election of elections)
    for (const state of election.elected) {
      const term = { state, from: `${election.firstYear}-01-01`, to: `${election.lastYear}-12-31` };
      const change = changes.find(
        (candidate) => candidate.left === state && candidate.on >= term.from && candidate.on <= term.to,
      );
      terms.push(change ? { ...term, to: change.on } : term);
      if (change) terms.push({ state: change.replacedBy, from: change.from, to: term.to });
    }
  for (const change of changes)
    if (!terms.some((term) => term.state === change.left && term.to === change.on))
      problems.push(`changes: ${change.left} held no seat on ${change.on}`);
  if (years.first > years.last) problems.push('years: first is after last');
  if (problems.length > 0) throw new UnStatesDataError(source, problems);
  return { years, terms };
}

export const HRC_MEMBERSHIP: HrcMembershipData = parseHrcMembership(
  readFileSync(HRC_MEMBERSHIP_DATA_PATH, 'utf8'),
  HRC_MEMBERSHIP_DATA_PATH,
);

/** The calendar years whose membership is shipped, in order. */
export function hrcMembershipYears(data: HrcMembershipData = HRC_MEMBERSHIP): number[] {
  return Array.from(
    { length: data.years.last - data.years.first + 1 },
    (_, index) => data.years.first + index,
  );
}

/** The States holding a seat on a day (YYYY-MM-DD), in alpha-3 order. */
export function hrcMembersOn(day: string, data: HrcMembershipData = HRC_MEMBERSHIP): string[] {
  return data.terms
    .filter((term) => term.from <= day && day <= term.to)
    .map((term) => term.state)
    .sort();
}

/** The States holding a seat on at least one day of a calendar year, in alpha-3 order. */
export function hrcMembersIn(year: number, data: HrcMembershipData = HRC_MEMBERSHIP): string[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return [
    ...new Set(data.terms.filter((term) => term.from <= last && first <= term.to).map((term) => term.state)),
  ].sort();
}

const MEMBERS_BY_YEAR = new WeakMap<HrcMembershipData, Map<number, ReadonlySet<string>>>();

/** Whether the State sat on the Council in that calendar year; `not-recorded` for a year not shipped. */
export function hrcMembershipOf(
  code: string,
  year: number,
  data: HrcMembershipData = HRC_MEMBERSHIP,
): HrcMembership {
  if (year < data.years.first || year > data.years.last) return 'not-recorded';
  const byYear = MEMBERS_BY_YEAR.get(data) ?? new Map<number, ReadonlySet<string>>();
  MEMBERS_BY_YEAR.set(data, byYear);
  const members = byYear.get(year) ?? new Set(hrcMembersIn(year, data));
  byYear.set(year, members);
  return members.has(code) ? 'member' : 'not-member';
}
