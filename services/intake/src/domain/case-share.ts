import type { ShareConsentBasis, ShareScope } from '@reprisals/contracts';

export type ShareStatus = 'offered' | 'accepted' | 'declined' | 'revoked';

/** A case offered by its lead entity to another UN entity, on a need-to-know basis. */
export interface CaseShare {
  shareId: string;
  caseId: string;
  leadEntity: string;
  entity: string;
  scope: ShareScope;
  expiresAt: Date | null;
  consentBasis: ShareConsentBasis;
  status: ShareStatus;
}

/** Why a sharing step is refused: the code says how to answer it, the field what to correct. */
export class ShareRefused extends Error {
  override readonly name = 'ShareRefused';
  constructor(
    readonly code:
      | 'invalid'
      | 'consent-missing'
      | 'override-not-permitted'
      | 'not-lead'
      | 'not-offered-to-you'
      | 'not-focal-point'
      | 'wrong-status',
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** What the victim's consent says about sharing with other UN entities. */
export type SharingConsent = 'given' | 'refused' | 'not-recorded';

export interface OfferShareRequest {
  shareId: string;
  caseId: string;
  leadEntity: string;
  callerEntity: string;
  entity: string;
  scope: ShareScope;
  expiresAt: Date | null;
  consent: SharingConsent;
  /** A written reason to go past missing consent, and whether the caller may give one. */
  override: { reason: string; permitted: boolean } | undefined;
  now: Date;
}

/**
 * Offers the case to another entity. Only the lead entity shares; consent to share with other
 * UN entities is a hard gate that only a supervisor's written, audited override goes past.
 */
export function offerShare(request: OfferShareRequest): CaseShare {
  if (request.callerEntity !== request.leadEntity) {
    throw new ShareRefused('not-lead', 'entity', 'only the lead entity shares a case');
  }
  if (request.entity === request.leadEntity) {
    throw new ShareRefused('invalid', 'entity', 'is the lead entity itself');
  }
  if (request.expiresAt && request.expiresAt.getTime() <= request.now.getTime()) {
    throw new ShareRefused('invalid', 'expiresAt', 'must be in the future');
  }
  const consentBasis = consentBasisFor(request.consent, request.override);
  return {
    shareId: request.shareId,
    caseId: request.caseId,
    leadEntity: request.leadEntity,
    entity: request.entity,
    scope: request.scope,
    expiresAt: request.expiresAt,
    consentBasis,
    status: 'offered',
  };
}

/**
 * Whatever gives another entity the case (a share, a transfer of lead) needs the victim's consent
 * to share with other UN entities, or a supervisor's written override.
 */
export function consentBasisFor(
  consent: SharingConsent,
  override: { reason: string; permitted: boolean } | undefined,
): ShareConsentBasis {
  if (consent === 'given') return 'consent';
  if (!override) {
    throw new ShareRefused(
      'consent-missing',
      'overrideReason',
      consent === 'refused'
        ? 'the victim refused sharing with other UN entities'
        : 'no consent to share with other UN entities is recorded',
    );
  }
  if (!override.permitted) {
    throw new ShareRefused(
      'override-not-permitted',
      'overrideReason',
      'only a supervisor may override consent',
    );
  }
  return 'supervisor-override';
}

/**
 * The receiving entity accepts or declines an offer made to it. An offer lapses when it expires
 * or when the lead that made it hands the case over.
 */
export function respondToShare(
  share: CaseShare,
  responder: string,
  answer: 'accepted' | 'declined',
  context: { currentLead: string; now: Date; answeredByFocalPoint: boolean },
): CaseShare {
  if (share.entity !== responder) throw new ShareRefused('not-offered-to-you', 'shareId', 'no such share');
  if (!context.answeredByFocalPoint) {
    throw new ShareRefused('not-focal-point', 'shareId', 'only the entity’s designated focal points answer');
  }
  if (share.status !== 'offered')
    throw new ShareRefused('wrong-status', 'shareId', `the share is ${share.status}`);
  if (share.leadEntity !== context.currentLead) {
    throw new ShareRefused('wrong-status', 'shareId', 'the offer lapsed when the case changed lead');
  }
  if (share.expiresAt && share.expiresAt.getTime() <= context.now.getTime()) {
    throw new ShareRefused('wrong-status', 'shareId', 'the offer has expired');
  }
  return { ...share, status: answer };
}

/** The current lead takes a share back, offered or accepted, at any time (also one its predecessor made). */
export function revokeShare(share: CaseShare, callerEntity: string, currentLead: string): CaseShare {
  if (currentLead !== callerEntity)
    throw new ShareRefused('not-lead', 'shareId', 'only the lead entity revokes');
  if (share.status === 'revoked' || share.status === 'declined') {
    throw new ShareRefused('wrong-status', 'shareId', `the share is ${share.status}`);
  }
  return { ...share, status: 'revoked' };
}
