import { AllegationRejected, receiveAllegation } from './allegation';
import { CaseReference } from './case-reference';

const recordedBy = { sub: 'officer-1', entity: 'OHCHR', role: 'intake-officer' };
const facts = {
  stateConcerned: 'ABC',
  receivedVia: 'email' as const,
  receivedOn: '2026-05-02',
  summary: 'A participant in the review was questioned after returning home.',
  submissionLanguage: 'en',
};

describe('receiving an allegation', () => {
  it('given facts received today, when recorded, then the recording entity leads the case', () => {
    const allegation = receiveAllegation(facts, {
      id: 'case-1',
      reference: 'REP-2026-000001',
      recordedBy,
      now: new Date('2026-05-02T10:00:00Z'),
    });
    expect(allegation.leadEntity).toBe('OHCHR');
    expect(allegation.reference).toBe('REP-2026-000001');
  });

  it('given a reception date in the future, when recorded, then it is rejected naming the field', () => {
    const record = () =>
      receiveAllegation(facts, {
        id: 'case-1',
        reference: 'REP-2026-000001',
        recordedBy,
        now: new Date('2026-05-01T23:59:00Z'),
      });
    expect(record).toThrow(AllegationRejected);
    expect(record).toThrow(
      expect.objectContaining({ issues: [{ field: 'receivedOn', message: 'cannot be later than today' }] }),
    );
  });

  it('given an act and a cooperation dated tomorrow, when recorded, then every future date is named at once', () => {
    const record = () =>
      receiveAllegation(
        {
          ...facts,
          cooperationDate: '2026-05-03',
          acts: [{ date: '2026-04-01' }, { periodFrom: '2026-04-01', periodTo: '2026-05-03' }],
        },
        { id: 'case-1', reference: 'REP-2026-000001', recordedBy, now: new Date('2026-05-02T10:00:00Z') },
      );
    expect(record).toThrow(
      expect.objectContaining({
        issues: [
          { field: 'cooperation.date', message: 'cannot be later than today' },
          { field: 'acts.1.periodTo', message: 'cannot be later than today' },
        ],
      }),
    );
  });
});

describe('case reference', () => {
  it('pads the sequence of the year to six digits', () => {
    expect(CaseReference.of(2026, 123).value).toBe('REP-2026-000123');
  });

  it('refuses a sequence beyond what six digits hold', () => {
    expect(() => CaseReference.of(2026, 1_000_000)).toThrow(RangeError);
  });
});
