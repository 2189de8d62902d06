import {
  createRemoteJWKSet,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import { ActorClaimsSchema, type Actor } from '../actor/actor';
import { InvalidTokenError, TokenVerificationUnavailableError } from './invalid-token.error';
import type { SecurityConfig } from './security-config';
import type { TokenVerifier } from './token-verifier';

/** Algorithms accepted from an OIDC provider's key set. */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;

const CLOCK_TOLERANCE_SECONDS = 5;

type VerificationKey = { kind: 'secret'; secret: Uint8Array } | { kind: 'jwks'; getKey: JWTVerifyGetKey };

/**
 * Verifies JWTs with jose: HS256 with a shared secret (development), or the
 * provider's JWKS (RS256, ES256, EdDSA). Checks signature, expiry, issuer and
 * audience, then the actor claims (sub, entity, roles).
 */
export class JwtTokenVerifier implements TokenVerifier {
  private readonly key: VerificationKey;
  private readonly options: JWTVerifyOptions;

  constructor(config: SecurityConfig) {
    this.key =
      config.key.kind === 'jwks'
        ? { kind: 'jwks', getKey: createRemoteJWKSet(config.key.url) }
        : { kind: 'secret', secret: new TextEncoder().encode(config.key.secret) };
    this.options = {
      issuer: config.issuer,
      audience: config.audience,
      algorithms: this.key.kind === 'jwks' ? [...ASYMMETRIC_ALGORITHMS] : ['HS256'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp'],
    };
  }

  async verify(token: string): Promise<Actor> {
    const payload = await this.verifySignatureAndTimes(token);
    const claims = ActorClaimsSchema.safeParse(payload);
    if (!claims.success) {
      const names = [...new Set(claims.error.issues.map((issue) => String(issue.path[0] ?? 'payload')))];
      throw new InvalidTokenError('claims', names);
    }
    return claims.data;
  }

  private async verifySignatureAndTimes(token: string): Promise<JWTPayload> {
    try {
      const { payload } =
        this.key.kind === 'jwks'
          ? await jwtVerify(token, this.key.getKey, this.options)
          : await jwtVerify(token, this.key.secret, this.options);
      return payload;
    } catch (error) {
      // jose errors may carry the decoded payload: only their code is kept, never the error itself.
      throw this.translate(error);
    }
  }

  private translate(error: unknown): Error {
    const code =
      typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
    switch (code) {
      case 'ERR_JWT_EXPIRED':
        return new InvalidTokenError('expired');
      case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
        return new InvalidTokenError('signature');
      case 'ERR_JWKS_NO_MATCHING_KEY':
      case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
        return new InvalidTokenError('unknown-key');
      case 'ERR_JOSE_ALG_NOT_ALLOWED':
      case 'ERR_JOSE_NOT_SUPPORTED':
        return new InvalidTokenError('algorithm');
      case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
        return this.translateClaimFailure(error);
      case 'ERR_JWKS_TIMEOUT':
      case 'ERR_JWKS_INVALID':
        return new TokenVerificationUnavailableError();
      case undefined:
        // Not a jose error: with a key set it comes from fetching the keys.
        return this.key.kind === 'jwks'
          ? new TokenVerificationUnavailableError()
          : new InvalidTokenError('malformed');
      default:
        return new InvalidTokenError('malformed');
    }
  }

  private translateClaimFailure(error: unknown): InvalidTokenError {
    const claim = typeof error === 'object' && error !== null && 'claim' in error ? String(error.claim) : '';
    switch (claim) {
      case 'iss':
        return new InvalidTokenError('issuer');
      case 'aud':
        return new InvalidTokenError('audience');
      case 'nbf':
        return new InvalidTokenError('not-yet-valid');
      case 'exp':
      case 'iat':
        return new InvalidTokenError('claims', [claim]);
      default:
        return new InvalidTokenError('claims');
    }
  }
}

/** The verifier for a configuration read with loadSecurityConfig(). */
export function createTokenVerifier(config: SecurityConfig): TokenVerifier {
  return new JwtTokenVerifier(config);
}
