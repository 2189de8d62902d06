import {
  decidePossibleDuplicate,
  DuplicateDecisionRefused,
  duplicateScore,
  matchedKinds,
} from './possible-duplicate';

describe('the score of a possible duplicate', () => {
  it('ranks a person and a contact above a person, above an organisation, above a contact alone', () => {
    const scores = [
      duplicateScore(['contact', 'person']),
      duplicateScore(['person']),
      duplicateScore(['organisation']),
      duplicateScore(['contact']),
    ];
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(4);
  });

  it('counts each kind once and never goes above 100', () => {
    expect(duplicateScore(['person', 'person'])).toBe(duplicateScore(['person']));
    expect(duplicateScore(['person', 'organisation', 'contact'])).toBe(100);
    expect(matchedKinds(['contact', 'person', 'contact'])).toEqual(['person', 'contact']);
  });
});

describe('deciding on a possible duplicate', () => {
  const lead = { entity: 'OHCHR', leadOfCase: 'OHCHR' };

  it('given an open pair and the lead of the case, when linked or dismissed, then that is its status', () => {
    expect(decidePossibleDuplicate({ status: 'open' }, { kind: 'link', reason: 'same-person' }, lead)).toBe(
      'linked',
    );
    expect(
      decidePossibleDuplicate({ status: 'open' }, { kind: 'dismiss', reason: 'common-name' }, lead),
    ).toBe('dismissed');
  });

  it.each([
    [
      'another entity than the lead',
      { status: 'open' as const },
      { entity: 'UNDP', leadOfCase: 'OHCHR' },
      'not-lead',
    ],
    ['an unknown lead', { status: 'open' as const }, { entity: 'UNDP', leadOfCase: undefined }, 'not-lead'],
    ['no pair of the two cases', undefined, lead, 'no-such-pair'],
    ['no pair, and another entity', undefined, { entity: 'UNDP', leadOfCase: 'OHCHR' }, 'not-lead'],
    ['a linked pair', { status: 'linked' as const }, lead, 'wrong-status'],
    ['a dismissed pair', { status: 'dismissed' as const }, lead, 'wrong-status'],
  ])('given %s, when decided, then it is refused', (_label, pair, caller, code) => {
    const decide = () => decidePossibleDuplicate(pair, { kind: 'link', reason: 'same-person' }, caller);
    expect(decide).toThrow(DuplicateDecisionRefused);
    expect(decide).toThrow(expect.objectContaining({ code }));
  });
});
