import { laterShareStatus, SHARE_STATUSES, type ShareStatus } from './share-status';

describe('the order of share statuses', () => {
  it.each<[ShareStatus, ShareStatus, ShareStatus]>([
    ['offered', 'accepted', 'accepted'],
    ['accepted', 'offered', 'accepted'],
    ['accepted', 'revoked', 'revoked'],
    ['revoked', 'accepted', 'revoked'],
    ['offered', 'declined', 'declined'],
    ['declined', 'accepted', 'declined'],
    ['declined', 'revoked', 'revoked'],
  ])('given a share %s, when %s arrives, then it ends %s', (current, incoming, expected) => {
    expect(laterShareStatus(current, incoming)).toBe(expected);
  });

  it('given any two statuses, when applied in either order, then the outcome is the same', () => {
    for (const first of SHARE_STATUSES) {
      for (const second of SHARE_STATUSES) {
        expect(laterShareStatus(first, second)).toBe(laterShareStatus(second, first));
      }
    }
  });
});
