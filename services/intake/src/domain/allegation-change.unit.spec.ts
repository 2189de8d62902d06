import {
  AllegationChangeRefused,
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
