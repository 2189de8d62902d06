export type InvalidTokenReason =
  | 'malformed'
  | 'expired'
  | 'not-yet-valid'
  | 'signature'
  | 'unknown-key'
  | 'algorithm'
  | 'issuer'
  | 'audience'
  | 'claims';

const DESCRIPTIONS: Record<InvalidTokenReason, string> = {
  malformed: 'Token is malformed',
  expired: 'Token has expired',
  'not-yet-valid': 'Token is not valid yet',
  signature: 'Token signature is not valid',
  'unknown-key': 'Token was signed with an unknown key',
  algorithm: 'Token algorithm is not accepted',
  issuer: 'Token issuer is not accepted',
  audience: 'Token audience is not accepted',
  claims: 'Token claims are not valid',
};

/**
 * A bearer token was refused. The message says why in general terms and, for bad
 * claims, names the claims at fault; it never carries the token or a claim value.
 */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';

  constructor(
    readonly reason: InvalidTokenReason,
    readonly claims: readonly string[] = [],
  ) {
    super(claims.length > 0 ? `${DESCRIPTIONS[reason]}: ${claims.join(', ')}` : DESCRIPTIONS[reason]);
  }
}

/** The keys needed to check a token could not be obtained (e.g. the JWKS endpoint is down). */
export class TokenVerificationUnavailableError extends Error {
  override readonly name = 'TokenVerificationUnavailableError';

  constructor() {
    super('Token signing keys are unavailable');
  }
}
