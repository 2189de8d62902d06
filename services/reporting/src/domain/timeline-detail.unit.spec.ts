import { timelineDetailOf } from './timeline-detail';

describe('what a timeline entry shows of its event', () => {
  it('given the inclusion in a report, when shown, then the report and its annex are named', () => {
    expect(
      timelineDetailOf({
        caseId: '0b7f6a54-2f55-4c38-9d4c-6d1f3a8e2b10',
        cycleId: 'b1b1b1b1-2f55-4c38-9d4c-6d1f3a8e2b10',
        symbol: 'A/HRC/63/40',
        version: 2,
        annex: 'II',
      }),
    ).toEqual({ symbol: 'A/HRC/63/40', version: 2, annex: 'II' });
  });

  it('given two reviews due at once, when shown, then each names its action', () => {
    const first = timelineDetailOf({ caseId: 'c', responseActionId: 'a1', reviewOn: '2026-08-01' });
    const second = timelineDetailOf({ caseId: 'c', responseActionId: 'a2', reviewOn: '2026-08-01' });
    expect(first).not.toEqual(second);
  });

  it('given fields that are not codes, when shown, then they are left out: no prose, no unknown field', () => {
    expect(
      timelineDetailOf({
        reason: 'The person went into hiding after the raid',
        outcome: 'verified',
        note: 'Ana Smith',
        symbol: 'x'.repeat(65),
        victims: [{ pseudonym: 'V-7KQ2' }],
      }),
    ).toEqual({ outcome: 'verified' });
    expect(timelineDetailOf({ caseId: 'c' })).toBeNull();
    expect(timelineDetailOf(undefined)).toBeNull();
  });
});
