import type { IncomingMessage } from 'node:http';
import type { Actor } from '../actor/actor';
import type { Permission } from '../policy/permission';

/** A refusal by the guard of an authenticated caller, told to whoever keeps the audit trail. */
export interface AccessDenial {
  actor: Actor;
  permission: Permission | undefined;
  reason: 'missing-permission' | 'no-permission-declared';
  /** The route pattern, e.g. /intake/allegations/:id (never the concrete URL). */
  route: string;
  /** The case id when the route names one. */
  caseId: string | undefined;
  policyVersion: string;
  /** The refused request, for its request and trace ids. */
  request: IncomingMessage;
}

export interface AccessDenialListener {
  denied(denial: AccessDenial): Promise<void>;
}

/** Optional provider: when present, every refusal is reported to it before the 403 leaves. */
export const ACCESS_DENIAL_LISTENER = Symbol('AccessDenialListener');
