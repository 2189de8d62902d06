import type { CHANGEABLE_ALLEGATION_FIELDS } from '@reprisals/contracts';

export type ChangeableField = (typeof CHANGEABLE_ALLEGATION_FIELDS)[number];

/** Why a change is refused: the code says how to answer it. */
export class AllegationChangeRefused extends Error {
  override readonly name = 'AllegationChangeRefused';
  constructor(
    readonly code: 'precondition-required' | 'stale-version' | 'not-lead' | 'erased',
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
