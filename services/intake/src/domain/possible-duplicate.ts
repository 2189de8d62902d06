import { FINGERPRINT_KINDS, type FingerprintKind } from '@reprisals/contracts';

/**
 * Two cases that share a fingerprint of a victim: possibly the same person or organisation,
 * reported to two entities or twice to one. An officer of an entity leading either case links
 * them or dismisses the match; until then it is open.
 */
export type PossibleDuplicateStatus = 'open' | 'linked' | 'dismissed';

/** How much each kind of shared identifier says; a pair scores the sum of its kinds, at most 100. */
export const MATCH_WEIGHTS: Readonly<Record<FingerprintKind, number>> = {
  person: 60,
  organisation: 40,
  contact: 30,
};

/** The kinds, each once, in a fixed order (person, organisation, contact). */
export function matchedKinds(kinds: Iterable<FingerprintKind>): FingerprintKind[] {
  const present = new Set(kinds);
  return FINGERPRINT_KINDS.filter((kind) => present.has(kind));
}

/**
 * How likely the two cases concern the same victim: a person and a contact (90) above a person
 * alone (60), above an organisation (40), above a contact alone (30).
 */
export function duplicateScore(kinds: Iterable<FingerprintKind>): number {
  return Math.min(
    100,
    matchedKinds(kinds).reduce((score, kind) => score + MATCH_WEIGHTS[kind], 0),
  );
}

/** Why an officer links two cases: a fixed code (the officer's note stays in intake). */
export const LINK_REASONS = ['same-person', 'same-organisation', 'same-events', 'other'] as const;
/** Why an officer dismisses a match. */
export const DISMISS_REASONS = [
  'different-person',
  'different-organisation',
  'common-name',
  'insufficient-information',
  'other',
] as const;

export type DuplicateDecision =
  | { kind: 'link'; reason: (typeof LINK_REASONS)[number] }
  | { kind: 'dismiss'; reason: (typeof DISMISS_REASONS)[number] };

/** Why a decision on a possible duplicate is refused; the code says how it is answered. */
export class DuplicateDecisionRefused extends Error {
  override readonly name = 'DuplicateDecisionRefused';

  constructor(
    readonly code: 'not-lead' | 'no-such-pair' | 'wrong-status',
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * The status a decision gives an open pair. Only the lead entity of one of the two cases decides
 * (from that case), once: a linked or dismissed pair stays so.
 */
export function decidePossibleDuplicate(
  pair: { status: PossibleDuplicateStatus } | undefined,
  decision: DuplicateDecision,
  caller: { entity: string; leadOfCase: string | undefined },
): Exclude<PossibleDuplicateStatus, 'open'> {
  if (caller.leadOfCase !== caller.entity) {
    throw new DuplicateDecisionRefused('not-lead', 'only the lead entity of the case decides on its matches');
  }
  if (!pair) {
    throw new DuplicateDecisionRefused('no-such-pair', 'the two cases were not found to match');
  }
  if (pair.status !== 'open') {
    throw new DuplicateDecisionRefused('wrong-status', `the match was already ${pair.status}`);
  }
  return decision.kind === 'link' ? 'linked' : 'dismissed';
}
