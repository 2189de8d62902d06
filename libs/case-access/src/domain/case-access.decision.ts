import type { ShareScope } from '@reprisals/contracts';
import type { ShareStatus } from './share-status';

/** How an entity sees a case: as its lead, through a share of some scope, or not at all. */
export type CaseAccessBasis = 'lead' | 'shared-summary' | 'shared-full' | 'none';

export interface CaseAccess {
  readonly visible: boolean;
  readonly as: CaseAccessBasis;
}

export const NO_CASE_ACCESS: CaseAccess = Object.freeze({ visible: false, as: 'none' });

/** One share of a case, as a service's projection knows it. */
export interface CaseShareFacts {
  readonly entity: string;
  /** Unknown (null) while only the acceptance, not the offer, has been projected: grants nothing. */
  readonly scope: ShareScope | null;
  readonly status: ShareStatus;
  readonly expiresAt: Date | null;
}

/** What a service knows about who may see one case. */
export interface CaseAccessFacts {
  /** Undefined when the service has not heard of the case: nobody sees it. */
  readonly leadEntity: string | undefined;
  readonly shares: readonly CaseShareFacts[];
}

export interface CaseAccessRequest {
  /** The entity of the caller (the `entity` claim of the token). */
  readonly entity: string;
  readonly now: Date;
}

/**
 * Need to know: the lead entity sees the whole case; an entity with an accepted share that has
 * not expired and was not revoked sees it within that share's scope (the widest, if several);
 * everyone else sees nothing. An offered share grants nothing yet: showing the offer itself to
 * the receiving focal point is up to the service that records acceptances.
 */
export function decideCaseAccess(request: CaseAccessRequest, facts: CaseAccessFacts): CaseAccess {
  if (facts.leadEntity === undefined) return NO_CASE_ACCESS;
  if (facts.leadEntity === request.entity) return { visible: true, as: 'lead' };
  const scopes = facts.shares
    .filter((share) => share.entity === request.entity && isShareInForce(share, request.now))
    .map((share) => share.scope);
  if (scopes.includes('full')) return { visible: true, as: 'shared-full' };
  if (scopes.includes('summary')) return { visible: true, as: 'shared-summary' };
  return NO_CASE_ACCESS;
}

/** Accepted, with a known scope, and not past its expiry (a share expires at `expiresAt`). */
export function isShareInForce(share: CaseShareFacts, now: Date): boolean {
  return (
    share.status === 'accepted' &&
    share.scope !== null &&
    (share.expiresAt === null || share.expiresAt.getTime() > now.getTime())
  );
}

/** Whether the access covers the full file (identities included, where the role allows them). */
export function seesFullCase(access: CaseAccess): boolean {
  return access.as === 'lead' || access.as === 'shared-full';
}
