import type { CHANGEABLE_ALLEGATION_FIELDS } from '@reprisals/contracts';

export type ChangeableField = (typeof CHANGEABLE_ALLEGATION_FIELDS)[number];

/** Why a change is refused: the code says how to answer it. */
export class AllegationChangeRefused extends Error {
  override readonly name = 'AllegationChangeRefused';
  constructor(
    readonly code: 'precondition-required' | 'stale-version' | 'erased',
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * Optimistic concurrency: the change applies to the version the client read (its If-Match), or
 * not at all. Returns the version the change creates.
 */
export function nextAllegationVersion(current: number, expected: number | undefined): number {
  if (expected === undefined) {
    throw new AllegationChangeRefused('precondition-required', 'send If-Match with the ETag you read');
  }
  if (expected !== current) {
    throw new AllegationChangeRefused(
      'stale-version',
      'the allegation changed since you read it: read it again and reapply your change',
    );
  }
  return current + 1;
}

/**
 * The version an If-Match header names: `"3"` → 3; `*` → any (the current one); absent →
 * undefined. If-Match compares strongly, so a weak tag (`W/"3"`) or anything else matches nothing.
 */
export function versionFromEntityTag(ifMatch: string | undefined): number | undefined | 'any' | 'unreadable' {
  if (ifMatch === undefined) return undefined;
  const value = ifMatch.trim();
  if (value === '*') return 'any';
  const match = /^"(\d{1,9})"$/.exec(value);
  return match ? Number(match[1]) : 'unreadable';
}

export const entityTagOf = (version: number): string => `"${version}"`;

interface Dated {
  date?: string | undefined;
  periodFrom?: string | undefined;
  periodTo?: string | undefined;
}

/**
 * What is wrong with a change, given the allegation as stored: dates in the future, acts or
 * sources after the reception, and pseudonyms that name no victim or source of the case (or one
 * twice). Every problem is named at once, by field.
 */
export function changeIssues(
  change: {
    cooperation?: { date?: string | undefined } | undefined;
    acts?: readonly Dated[] | undefined;
    victims?: ReadonlyArray<{ pseudonym?: string | undefined }> | undefined;
    sources?: ReadonlyArray<{ pseudonym?: string | undefined; receivedOn: string }> | undefined;
  },
  stored: { receivedOn: string; victims: readonly string[]; sources: readonly string[] },
  now: Date,
): Array<{ field: string; message: string }> {
  const today = now.toISOString().slice(0, 10);
  const issues: Array<{ field: string; message: string }> = [];
  const notFuture = (field: string, date: string | undefined) => {
    if (date !== undefined && date > today) issues.push({ field, message: 'cannot be later than today' });
  };
  notFuture('cooperation.date', change.cooperation?.date);
  (change.acts ?? []).forEach((act, index) => {
    notFuture(`acts.${index}.date`, act.date);
    notFuture(`acts.${index}.periodFrom`, act.periodFrom);
    notFuture(`acts.${index}.periodTo`, act.periodTo);
    const first = act.date ?? act.periodFrom;
    if (first !== undefined && first <= today && first > stored.receivedOn) {
      issues.push({
        field: `acts.${index}.${act.date ? 'date' : 'periodFrom'}`,
        message: 'cannot be after the allegation was received (receivedOn)',
      });
    }
  });
  (change.sources ?? []).forEach((source, index) => {
    if (source.receivedOn > stored.receivedOn) {
      issues.push({
        field: `sources.${index}.receivedOn`,
        message: 'cannot be after the allegation was received (receivedOn)',
      });
    }
  });
  const known = (
    list: 'victims' | 'sources',
    entries: ReadonlyArray<{ pseudonym?: string | undefined }> | undefined,
  ) => {
    const seen = new Set<string>();
    (entries ?? []).forEach((entry, index) => {
      if (entry.pseudonym === undefined) return;
      if (!stored[list].includes(entry.pseudonym)) {
        issues.push({ field: `${list}.${index}.pseudonym`, message: `is not one of the case's ${list}` });
      } else if (seen.has(entry.pseudonym)) {
        issues.push({ field: `${list}.${index}.pseudonym`, message: 'is given twice' });
      }
      seen.add(entry.pseudonym);
    });
  };
  known('victims', change.victims);
  known('sources', change.sources);
  return issues;
}
