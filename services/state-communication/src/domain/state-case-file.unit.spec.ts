import { openStateCaseFile } from './state-case-file';

describe('opening the State file of a case', () => {
  it('given a received allegation, when the file opens, then no communication has been sent', () => {
    const file = openStateCaseFile(
      { caseId: 'c-1', reference: 'REP-2026-000001', stateConcerned: 'BLR', leadEntity: 'OHCHR' },
      new Date('2026-05-02T10:00:00Z'),
    );
    expect(file).toMatchObject({ stateConcerned: 'BLR', communicationsSent: 0 });
  });
});
