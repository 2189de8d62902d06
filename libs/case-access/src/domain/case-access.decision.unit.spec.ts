import { ManualClock } from '@reprisals/kernel';
import {
  decideCaseAccess,
  seesFullCase,
  type CaseAccessFacts,
  type CaseShareFacts,
} from './case-access.decision';

const acceptedShare = (overrides: Partial<CaseShareFacts> = {}): CaseShareFacts => ({
  entity: 'SPECIAL-PROCEDURES',
  scope: 'summary',
  status: 'accepted',
  expiresAt: null,
  ...overrides,
});

const caseLedBy = (leadEntity: string, ...shares: CaseShareFacts[]): CaseAccessFacts => ({
  leadEntity,
  shares,
});

describe('deciding who sees a case', () => {
  const clock = new ManualClock('2026-11-20T09:00:00.000Z');

  it('given a case led by OHCHR-COL, when OHCHR-COL asks, then it sees the case as lead', () => {
    expect(decideCaseAccess({ entity: 'OHCHR-COL', now: clock.now() }, caseLedBy('OHCHR-COL'))).toEqual({
      visible: true,
      as: 'lead',
    });
  });

  it('given a case led by OHCHR-COL and shared with nobody, when UNDP asks, then it sees nothing', () => {
    expect(decideCaseAccess({ entity: 'UNDP', now: clock.now() }, caseLedBy('OHCHR-COL'))).toEqual({
      visible: false,
      as: 'none',
    });
  });

  it('given a case this service never heard of, when its would-be lead asks, then it sees nothing', () => {
    const access = decideCaseAccess(
      { entity: 'OHCHR', now: clock.now() },
      { leadEntity: undefined, shares: [] },
    );
    expect(access).toEqual({ visible: false, as: 'none' });
  });

  it.each([
    ['summary', 'shared-summary'],
    ['full', 'shared-full'],
  ] as const)(
    'given an accepted %s share, when the receiving entity asks, then it sees the case as %s',
    (scope, as) => {
      const facts = caseLedBy('OHCHR-COL', acceptedShare({ scope }));
      expect(decideCaseAccess({ entity: 'SPECIAL-PROCEDURES', now: clock.now() }, facts)).toEqual({
        visible: true,
        as,
      });
    },
  );

  it.each(['offered', 'declined', 'revoked'] as const)(
    'given a share that is %s, when the receiving entity asks, then it sees nothing',
    (status) => {
      const facts = caseLedBy('OHCHR-COL', acceptedShare({ status }));
      expect(decideCaseAccess({ entity: 'SPECIAL-PROCEDURES', now: clock.now() }, facts).visible).toBe(false);
    },
  );

  it('given an accepted share whose offer is not known yet, when the entity asks, then it sees nothing', () => {
    const facts = caseLedBy('OHCHR-COL', acceptedShare({ scope: null }));
    expect(decideCaseAccess({ entity: 'SPECIAL-PROCEDURES', now: clock.now() }, facts).visible).toBe(false);
  });

  it('given a share with another entity, when a third entity asks, then it sees nothing', () => {
    const facts = caseLedBy('OHCHR-COL', acceptedShare({ entity: 'UNHCR', scope: 'full' }));
    expect(decideCaseAccess({ entity: 'UNICEF', now: clock.now() }, facts).visible).toBe(false);
  });

  it('given an accepted share expiring in an hour, when the clock passes the expiry, then access ends', () => {
    const shareClock = new ManualClock('2026-11-20T09:00:00.000Z');
    const facts = caseLedBy('OHCHR-COL', acceptedShare({ expiresAt: new Date('2026-11-20T10:00:00.000Z') }));
    const ask = () => decideCaseAccess({ entity: 'SPECIAL-PROCEDURES', now: shareClock.now() }, facts);

    expect(ask().as).toBe('shared-summary');
    shareClock.advance(60 * 60 * 1000 - 1);
    expect(ask().as).toBe('shared-summary');
    shareClock.advance(1);
    expect(ask()).toEqual({ visible: false, as: 'none' });
  });

  it('given a revoked full share and an accepted summary share, when the entity asks, then it sees the summary', () => {
    const facts = caseLedBy(
      'OHCHR-COL',
      acceptedShare({ scope: 'full', status: 'revoked' }),
      acceptedShare({ scope: 'summary' }),
    );
    expect(decideCaseAccess({ entity: 'SPECIAL-PROCEDURES', now: clock.now() }, facts).as).toBe(
      'shared-summary',
    );
  });

  it('given an expired full share and an open summary share, when the entity asks, then the widest share in force counts', () => {
    const facts = caseLedBy(
      'OHCHR-COL',
      acceptedShare({ scope: 'full', expiresAt: new Date('2026-11-01T00:00:00.000Z') }),
      acceptedShare({ scope: 'summary' }),
      acceptedShare({ scope: 'full' }),
    );
    expect(decideCaseAccess({ entity: 'SPECIAL-PROCEDURES', now: clock.now() }, facts).as).toBe(
      'shared-full',
    );
  });

  it('given the lead entity also holds a summary share, when it asks, then it still sees the case as lead', () => {
    const facts = caseLedBy('OHCHR', acceptedShare({ entity: 'OHCHR', scope: 'summary' }));
    expect(decideCaseAccess({ entity: 'OHCHR', now: clock.now() }, facts).as).toBe('lead');
  });

  it('given each kind of access, when asked whether it covers the full file, then only lead and full shares do', () => {
    expect(seesFullCase({ visible: true, as: 'lead' })).toBe(true);
    expect(seesFullCase({ visible: true, as: 'shared-full' })).toBe(true);
    expect(seesFullCase({ visible: true, as: 'shared-summary' })).toBe(false);
    expect(seesFullCase({ visible: false, as: 'none' })).toBe(false);
  });
});
