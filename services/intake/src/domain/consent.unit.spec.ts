import {
  ConsentRefused,
  endsSharingConsent,
  recordConsent,
  sharingConsentOf,
  withdrawConsent,
  type ConsentStatement,
} from './consent';

const context = { caseId: 'case-1', now: new Date('2026-05-02T10:00:00Z') };
const statement: ConsentStatement = {
  scopes: { raiseWithState: 'anonymous', shareWithUnEntities: 'yes', publish: 'no' },
  givenBy: 'victim',
  givenOn: '2026-05-01',
  form: 'written',
};

function refusal(step: () => unknown): string {
  try {
    step();
  } catch (error) {
    if (error instanceof ConsentRefused) return `${error.code}:${error.field}`;
    throw error;
  }
  throw new Error('the step was not refused');
}

describe('consent of a case', () => {
  it('given no consent, when sharing is asked about, then it is not recorded', () => {
    expect(sharingConsentOf(undefined)).toBe('not-recorded');
  });

  it('given a first statement, when recorded, then it is version 1 and allows sharing', () => {
    const first = recordConsent(undefined, statement, context);
    expect(first).toMatchObject({ version: 1, kind: 'recorded', givenBy: 'victim' });
    expect(sharingConsentOf(first)).toBe('given');
  });

  it('given consent in force, when changed to refuse sharing, then a new version ends the consent to share', () => {
    const first = recordConsent(undefined, statement, context);
    const second = recordConsent(
      first,
      { ...statement, scopes: { ...statement.scopes, shareWithUnEntities: 'no' } },
      context,
    );
    expect(second.version).toBe(2);
    expect(sharingConsentOf(second)).toBe('refused');
    expect(endsSharingConsent(first, second)).toBe(true);
    expect(endsSharingConsent(second, recordConsent(second, statement, context))).toBe(false);
  });

  it('given consent in force, when withdrawn, then every scope is no and the earlier version is untouched', () => {
    const first = recordConsent(undefined, statement, context);
    const withdrawn = withdrawConsent(
      first,
      { givenBy: 'family', givenOn: '2026-05-02', form: 'oral' },
      context,
    );
    expect(withdrawn).toMatchObject({
      version: 2,
      kind: 'withdrawn',
      scopes: { raiseWithState: 'no', shareWithUnEntities: 'no', publish: 'no' },
    });
    expect(first.scopes.shareWithUnEntities).toBe('yes');
    expect(endsSharingConsent(first, withdrawn)).toBe(true);
  });

  it('given nothing in force, when withdrawn, then it is refused', () => {
    const withdrawal = { givenBy: 'victim' as const, givenOn: '2026-05-02', form: 'oral' as const };
    expect(refusal(() => withdrawConsent(undefined, withdrawal, context))).toBe('nothing-to-withdraw:(body)');
    const withdrawn = withdrawConsent(recordConsent(undefined, statement, context), withdrawal, context);
    expect(refusal(() => withdrawConsent(withdrawn, withdrawal, context))).toBe('nothing-to-withdraw:(body)');
  });

  it('given a statement dated tomorrow, when recorded, then it is refused naming givenOn', () => {
    expect(refusal(() => recordConsent(undefined, { ...statement, givenOn: '2026-05-03' }, context))).toBe(
      'invalid:givenOn',
    );
  });

  it('given named publication with no State raising, when not confirmed, then it is refused; when confirmed, recorded', () => {
    const contradictory = {
      ...statement,
      scopes: { raiseWithState: 'no', shareWithUnEntities: 'no', publish: 'named' },
    } as const;
    expect(refusal(() => recordConsent(undefined, contradictory, context))).toBe(
      'invalid:confirmNamedPublicationWithoutStateRaising',
    );
    const confirmed = recordConsent(
      undefined,
      { ...contradictory, confirmNamedPublicationWithoutStateRaising: true },
      context,
    );
    expect(confirmed.scopes.publish).toBe('named');
  });
});
