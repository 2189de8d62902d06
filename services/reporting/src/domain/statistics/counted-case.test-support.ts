import type { CountedCase } from './statistics-dimensions';

/**
 * A case as statistics count it, for the tests: a woman journalist from BLR, received in 2026,
 * who cooperated with the universal periodic review and was banned from travel, no consent to
 * publish, nothing else done yet; `overrides` says what differs.
 */
export function countedCase(overrides: Partial<CountedCase> = {}): CountedCase {
  return {
    year: 2026,
    stateConcerned: 'BLR',
    victims: [{ kind: 'individual', profile: 'journalist', gender: 'woman' }],
    acts: [{ type: 'travel-ban', online: false, perpetrator: 'state' }],
    mechanism: 'universal-periodic-review',
    category: 'a',
    publish: 'no',
    verificationOutcome: null,
    responseActions: [],
    communicationsSent: 0,
    deadlinesMissed: 0,
    firstReplyType: null,
    ...overrides,
  };
}
