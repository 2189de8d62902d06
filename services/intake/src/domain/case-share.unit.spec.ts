import { offerShare, respondToShare, revokeShare, ShareRefused, type OfferShareRequest } from './case-share';

const request: OfferShareRequest = {
  shareId: 's-1',
  caseId: 'c-1',
  leadEntity: 'OHCHR',
  callerEntity: 'OHCHR',
  entity: 'TREATY-BODIES',
  scope: 'summary',
  expiresAt: null,
  consent: 'given',
  override: undefined,
  now: new Date('2026-05-02T10:00:00Z'),
};

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof ShareRefused) return `${error.code}:${error.field}`;
    throw error;
  }
  return 'allowed';
};

describe('offering a case to another entity', () => {
  it('given consent to share, when the lead offers it, then the share is offered on consent', () => {
    expect(offerShare(request)).toMatchObject({ status: 'offered', consentBasis: 'consent' });
  });

  it('given no consent recorded and no override, when offered, then it is refused naming the override', () => {
    expect(refusal(() => offerShare({ ...request, consent: 'not-recorded' }))).toBe(
      'consent-missing:overrideReason',
    );
  });

  it('given no consent and an override by someone who may not give one, when offered, then it is refused', () => {
    expect(
      refusal(() =>
        offerShare({
          ...request,
          consent: 'refused',
          override: { reason: 'urgent protection', permitted: false },
        }),
      ),
    ).toBe('override-not-permitted:overrideReason');
  });

  it('given no consent and a supervisor override, when offered, then the share rests on the override', () => {
    expect(
      offerShare({
        ...request,
        consent: 'not-recorded',
        override: { reason: 'urgent protection', permitted: true },
      }),
    ).toMatchObject({ consentBasis: 'supervisor-override' });
  });

  it('given another entity than the lead, when it offers, then it is refused', () => {
    expect(refusal(() => offerShare({ ...request, callerEntity: 'UNDP' }))).toBe('not-lead:entity');
  });

  it('given an expiry in the past, when offered, then it is refused naming the field', () => {
    expect(refusal(() => offerShare({ ...request, expiresAt: new Date('2026-05-01T00:00:00Z') }))).toBe(
      'invalid:expiresAt',
    );
  });
});

describe('answering and revoking a share', () => {
  const offered = offerShare(request);
  const now = { currentLead: 'OHCHR', now: new Date('2026-05-02T11:00:00Z'), answeredByFocalPoint: true };

  it('given the case changed lead, when an old offer is answered, then it has lapsed; the new lead revokes it', () => {
    expect(
      refusal(() =>
        respondToShare(offered, 'TREATY-BODIES', 'accepted', { ...now, currentLead: 'OHCHR-COL' }),
      ),
    ).toBe('wrong-status:shareId');
    expect(refusal(() => revokeShare(offered, 'OHCHR', 'OHCHR-COL'))).toBe('not-lead:shareId');
    expect(revokeShare(offered, 'OHCHR-COL', 'OHCHR-COL').status).toBe('revoked');
  });

  it('given an expired offer, when answered, then it has lapsed', () => {
    const expiring = offerShare({ ...request, expiresAt: new Date('2026-05-02T10:30:00Z') });
    expect(refusal(() => respondToShare(expiring, 'TREATY-BODIES', 'accepted', now))).toBe(
      'wrong-status:shareId',
    );
  });

  it('given an offer, when the receiving entity accepts, then it is accepted; another entity cannot', () => {
    expect(respondToShare(offered, 'TREATY-BODIES', 'accepted', now).status).toBe('accepted');
    expect(refusal(() => respondToShare(offered, 'UNDP', 'accepted', now))).toBe(
      'not-offered-to-you:shareId',
    );
  });

  it('given an entity with designated focal points, when someone else of it answers, then it is refused', () => {
    const answer = () =>
      respondToShare(offered, 'TREATY-BODIES', 'accepted', { ...now, answeredByFocalPoint: false });
    expect(refusal(answer)).toBe('not-focal-point:shareId');
  });

  it('given an accepted share, when the lead revokes it, then it is revoked, once', () => {
    const revoked = revokeShare(respondToShare(offered, 'TREATY-BODIES', 'accepted', now), 'OHCHR', 'OHCHR');
    expect(revoked.status).toBe('revoked');
    expect(refusal(() => revokeShare(revoked, 'OHCHR', 'OHCHR'))).toBe('wrong-status:shareId');
  });
});
