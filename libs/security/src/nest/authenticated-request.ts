import type { IncomingMessage } from 'node:http';
import type { Actor } from '../actor/actor';
import type { AccessDecision } from '../policy/access-policy';

/** An HTTP request after the security guard has authenticated and authorized it. */
export interface AuthenticatedRequest extends IncomingMessage {
  actor?: Actor;
  accessDecision?: AccessDecision;
}

export function attachActor(request: IncomingMessage, actor: Actor): void {
  (request as AuthenticatedRequest).actor = actor;
}

/** The actor the guard attached to this request, if any (public routes have none). */
export function actorOf(request: IncomingMessage): Actor | undefined {
  return (request as AuthenticatedRequest).actor;
}

export function attachAccessDecision(request: IncomingMessage, decision: AccessDecision): void {
  (request as AuthenticatedRequest).accessDecision = decision;
}

/** The decision that let this request through: the permission, granting roles, policy version. */
export function accessDecisionOf(request: IncomingMessage): AccessDecision | undefined {
  return (request as AuthenticatedRequest).accessDecision;
}
