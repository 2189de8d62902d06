import {
  AllegationChangeRefused,
  changeIssues,
  entityTagOf,
  nextAllegationVersion,
  versionFromEntityTag,
} from './allegation-change';

describe('changing an allegation', () => {
  it('given the version the client read, when changed, then the next version is created', () => {
    expect(nextAllegationVersion(3, 3)).toBe(4);
  });

  it('given an older version, when changed, then it is refused as stale', () => {
    expect(() => nextAllegationVersion(4, 3)).toThrow(expect.objectContaining({ code: 'stale-version' }));
  });

  it('given no If-Match, when changed, then a precondition is required', () => {
    expect(() => nextAllegationVersion(1, undefined)).toThrow(AllegationChangeRefused);
  });

  it('reads strong entity tags and *, and matches nothing with weak or malformed ones', () => {
    expect(versionFromEntityTag(entityTagOf(7))).toBe(7);
    expect(versionFromEntityTag('*')).toBe('any');
    expect(versionFromEntityTag('W/"12"')).toBe('unreadable');
    expect(versionFromEntityTag('12')).toBe('unreadable');
    expect(versionFromEntityTag(undefined)).toBeUndefined();
  });
});

describe('what is wrong with a change', () => {
  const stored = { receivedOn: '2026-05-02', victims: ['V-AAAA', 'V-BBBB'], sources: ['S-CCCC'] };
  const now = new Date('2026-05-10T10:00:00Z');

  it('given a correct change, when checked, then nothing is wrong', () => {
    expect(
      changeIssues(
        {
          victims: [{ pseudonym: 'V-AAAA' }, {}],
          sources: [{ pseudonym: 'S-CCCC', receivedOn: '2026-05-01' }],
          acts: [{ date: '2026-04-30' }],
        },
        stored,
        now,
      ),
    ).toEqual([]);
  });

  it('given unknown and repeated pseudonyms, late acts and sources and a future date, when checked, then each is named', () => {
    expect(
      changeIssues(
        {
          victims: [{ pseudonym: 'V-AAAA' }, { pseudonym: 'V-AAAA' }, { pseudonym: 'V-ZZZZ' }],
          sources: [{ pseudonym: 'S-DDDD', receivedOn: '2026-05-03' }],
          acts: [{ date: '2026-05-05' }, { periodFrom: '2026-04-01', periodTo: '2026-06-01' }],
          cooperation: { date: '2026-06-01' },
        },
        stored,
        now,
      ).map((issue) => issue.field),
    ).toEqual([
      'cooperation.date',
      'acts.0.date',
      'acts.1.periodTo',
      'sources.0.receivedOn',
      'victims.1.pseudonym',
      'victims.2.pseudonym',
      'sources.0.pseudonym',
    ]);
  });
});
