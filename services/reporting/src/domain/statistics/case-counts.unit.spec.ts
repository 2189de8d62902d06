import { countCases } from './case-counts';
import { replyStatusOf, valuesOf } from './statistics-dimensions';
import { countedCase } from './counted-case.test-support';

const woman = { kind: 'individual', profile: 'journalist', gender: 'woman' } as const;
const man = { kind: 'individual', profile: 'lawyer', gender: 'man' } as const;
const ngo = { kind: 'organisation', profile: null, gender: null } as const;
const travelBan = { type: 'travel-ban', online: false, perpetrator: 'state' } as const;
const hacking = { type: 'hacking', online: true, perpetrator: 'non-state' } as const;

const counted = countedCase;

describe('counting cases by dimension', () => {
  it('given cases of two States, when grouped by state, then each counts once under its State and the total is the number of cases', () => {
    const counts = countCases([counted(), counted(), counted({ stateConcerned: 'NIC' })], ['state']);

    expect(counts.total).toBe(3);
    expect(counts.groups).toEqual([
      { values: ['BLR'], cases: 2 },
      { values: ['NIC'], cases: 1 },
    ]);
  });

  it('given a case with two victims and two acts, when grouped by gender and act type, then it counts once per combination of values', () => {
    const counts = countCases(
      [counted({ victims: [woman, man], acts: [travelBan, hacking] })],
      ['gender', 'actType'],
    );

    expect(counts.total).toBe(1);
    expect(counts.groups).toEqual([
      { values: ['man', 'hacking'], cases: 1 },
      { values: ['man', 'travel-ban'], cases: 1 },
      { values: ['woman', 'hacking'], cases: 1 },
      { values: ['woman', 'travel-ban'], cases: 1 },
    ]);
  });

  it('given a case with an online hacking and an offline threat, when grouped by act type and online, then each act gives its own pair and no act is invented', () => {
    const counts = countCases(
      [counted({ acts: [hacking, { ...travelBan, type: 'threats' }] })],
      ['online', 'actType', 'perpetrator'],
    );

    expect(counts.groups).toEqual([
      { values: ['offline', 'threats', 'state'], cases: 1 },
      { values: ['online', 'hacking', 'non-state'], cases: 1 },
    ]);
  });

  it('given a woman journalist and an organisation, when grouped by victim kind, gender and profile, then each victim gives its own values', () => {
    const counts = countCases([counted({ victims: [woman, ngo] })], ['victimKind', 'gender', 'profile']);

    expect(counts.groups).toEqual([
      { values: ['individual', 'woman', 'journalist'], cases: 1 },
      { values: ['organisation', 'not-applicable', 'not-applicable'], cases: 1 },
    ]);
  });

  it('given a case with two women as victims, when grouped by gender, then it counts once under woman', () => {
    const counts = countCases([counted({ victims: [woman, { ...woman, profile: 'lawyer' }] })], ['gender']);

    expect(counts.groups).toEqual([{ values: ['woman'], cases: 1 }]);
  });

  it('given no dimension, when counted, then there is one group: every case', () => {
    const counts = countCases([counted(), counted({ year: 2025 })], []);

    expect(counts.groups).toEqual([{ values: [], cases: 2 }]);
    expect(counts.years).toEqual([
      { year: 2025, cases: 1 },
      { year: 2026, cases: 1 },
    ]);
  });

  it('given cases of several years with several acts, when counted by act type, then the years count each case once', () => {
    const counts = countCases(
      [counted({ year: 2024, acts: [travelBan, hacking] }), counted({ year: 2026 }), counted({ year: 2026 })],
      ['actType'],
    );

    expect(counts.years).toEqual([
      { year: 2024, cases: 1 },
      { year: 2026, cases: 2 },
    ]);
    expect(counts.groups).toEqual([
      { values: ['hacking'], cases: 1 },
      { values: ['travel-ban'], cases: 3 },
    ]);
  });

  it('given an organisation and facts not recorded, when valued, then organisations are not-applicable for gender and profile, and missing facts not-recorded', () => {
    const organisation = counted({ victims: [ngo], acts: [], mechanism: null, category: null });

    expect(valuesOf(organisation, 'gender')).toEqual(['not-applicable']);
    expect(valuesOf(organisation, 'profile')).toEqual(['not-applicable']);
    expect(valuesOf(organisation, 'victimKind')).toEqual(['organisation']);
    expect(valuesOf(organisation, 'actType')).toEqual(['not-recorded']);
    expect(valuesOf(organisation, 'online')).toEqual(['not-recorded']);
    expect(valuesOf(organisation, 'perpetrator')).toEqual(['not-recorded']);
    expect(valuesOf(organisation, 'mechanism')).toEqual(['not-recorded']);
    expect(valuesOf(counted({ victims: [] }), 'gender')).toEqual(['not-recorded']);
  });

  it('given acts online and offline by State and non-State actors, when valued, then each value is listed once', () => {
    const both = counted({ acts: [travelBan, hacking, { ...travelBan, type: 'threats' }] });

    expect(valuesOf(both, 'online')).toEqual(['offline', 'online']);
    expect(valuesOf(both, 'perpetrator')).toEqual(['state', 'non-state']);
  });

  it('given response actions decided, cancelled and known only by approval, when valued, then only the types decided and not cancelled count, and none otherwise', () => {
    const actions = counted({
      responseActions: [
        { type: 'urgent-appeal', status: 'decided' },
        { type: 'public-statement', status: 'cancelled' },
        { type: 'monitoring', status: 'completed' },
        { type: null, status: 'approved' },
      ],
    });

    expect(valuesOf(actions, 'responseAction')).toEqual(['urgent-appeal', 'monitoring']);
    expect(valuesOf(counted(), 'responseAction')).toEqual(['none']);
    expect(
      valuesOf(
        counted({ responseActions: [{ type: 'urgent-appeal', status: 'cancelled' }] }),
        'responseAction',
      ),
    ).toEqual(['none']);
  });

  it('given the conversation with the State, when valued, then a reply wins over a missed deadline, which wins over awaiting', () => {
    expect(
      replyStatusOf({ firstReplyType: 'acknowledgement', deadlinesMissed: 1, communicationsSent: 1 }),
    ).toBe('replied');
    expect(replyStatusOf({ firstReplyType: null, deadlinesMissed: 1, communicationsSent: 2 })).toBe(
      'deadline-missed',
    );
    expect(replyStatusOf({ firstReplyType: null, deadlinesMissed: 0, communicationsSent: 1 })).toBe(
      'awaiting',
    );
    expect(replyStatusOf({ firstReplyType: null, deadlinesMissed: 0, communicationsSent: 0 })).toBe('none');
  });

  it('given the consent to publish and the verification, when valued, then anonymity is the consent and an open verification is pending', () => {
    expect(valuesOf(counted({ publish: 'anonymous' }), 'anonymity')).toEqual(['anonymous']);
    expect(valuesOf(counted(), 'verificationOutcome')).toEqual(['pending']);
    expect(valuesOf(counted({ verificationOutcome: 'verified' }), 'verificationOutcome')).toEqual([
      'verified',
    ]);
    expect(valuesOf(counted({ year: 2025 }), 'year')).toEqual(['2025']);
  });
});
