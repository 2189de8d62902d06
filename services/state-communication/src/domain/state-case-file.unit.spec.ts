import { openStateCaseFile } from './state-case-file';

describe('opening the State file of a case', () => {
  it('given a received allegation, when the file opens, then no communication has been sent and only codes and dates are kept', () => {
    const file = openStateCaseFile(
      {
        caseId: 'c-1',
        reference: 'REP-2026-000001',
        stateConcerned: 'BLR',
        leadEntity: 'OHCHR',
        acts: [
          {
            type: 'travel-ban',
            occurredOn: '2026-04-28',
            country: 'BLR',
            online: false,
            perpetrator: 'state',
          },
        ],
        cooperation: { mechanism: 'treaty-body', detail: 'Committee against Torture', category: 'a' },
      },
      new Date('2026-05-02T10:00:00Z'),
    );
    expect(file).toMatchObject({ stateConcerned: 'BLR', communicationsSent: 0 });
    expect(file.facts).toEqual({
      acts: [{ type: 'travel-ban', occurredOn: '2026-04-28', online: false }],
      cooperation: { mechanism: 'treaty-body', category: 'a' },
    });
  });
});
