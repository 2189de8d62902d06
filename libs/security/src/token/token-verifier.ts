import type { Actor } from '../actor/actor';

/** Turns a bearer token into the actor it speaks for, or throws InvalidTokenError. */
export interface TokenVerifier {
  verify(token: string): Promise<Actor>;
}

/** Injection token for the TokenVerifier used by the security guard. */
export const TOKEN_VERIFIER = Symbol('TokenVerifier');
