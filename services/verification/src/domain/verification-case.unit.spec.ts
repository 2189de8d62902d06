import { openVerificationCase } from './verification-case';

describe('opening a case for verification', () => {
  it('given a received allegation, when opened, then it is registered under the protocol version in force', () => {
    const opened = openVerificationCase(
      { caseId: 'c-1', reference: 'REP-2026-000001', stateConcerned: 'BLR', leadEntity: 'OHCHR' },
      { protocolVersion: 'response-protocol/v1', now: new Date('2026-05-02T10:00:00Z') },
    );
    expect(opened).toMatchObject({ stage: 'registered', protocolVersion: 'response-protocol/v1' });
    expect(opened.openedAt.toISOString()).toBe('2026-05-02T10:00:00.000Z');
  });
});
