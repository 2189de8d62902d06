import { decideDisclosure } from './case-disclosure.decision';

const named = { raiseWithState: 'named', publish: 'anonymous', shareWithUnEntities: 'yes' } as const;

describe('what may be disclosed of a case', () => {
  it('given consent and no flag, when decided, then consent governs', () => {
    expect(decideDisclosure({ consent: named, withheld: false })).toEqual({
      ...named,
      withheldBecause: null,
    });
  });

  it('given consent and a protection flag, when decided, then nothing goes to the State or the public', () => {
    expect(decideDisclosure({ consent: named, withheld: true })).toEqual({
      raiseWithState: 'no',
      publish: 'no',
      shareWithUnEntities: 'yes',
      withheldBecause: 'protection-risk',
    });
  });

  it('given no consent to raise or publish, when decided, then the case is withheld for lack of consent', () => {
    const none = { raiseWithState: 'no', publish: 'no', shareWithUnEntities: 'no' } as const;
    expect(decideDisclosure({ consent: none, withheld: false }).withheldBecause).toBe('no-consent');
  });
});
