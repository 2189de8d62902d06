/**
 * Where a share stands. A share only ever moves forward in this order: offered, then accepted,
 * then declined, then revoked. Events that arrive late or twice can therefore never bring back
 * access that a later fact removed (a ShareRevoked projected before its ShareAccepted still ends
 * as revoked). A declined or revoked share is final: sharing again means a new share.
 */
export const SHARE_STATUSES = ['offered', 'accepted', 'declined', 'revoked'] as const;
export type ShareStatus = (typeof SHARE_STATUSES)[number];

/** Rank of a status in the order above: a higher rank wins over a lower one. */
export function shareStatusPrecedence(status: ShareStatus): number {
  return SHARE_STATUSES.indexOf(status);
}

/** The status a share ends in when both facts are known, whatever order they arrived in. */
export function laterShareStatus(current: ShareStatus, incoming: ShareStatus): ShareStatus {
  return shareStatusPrecedence(incoming) > shareStatusPrecedence(current) ? incoming : current;
}
