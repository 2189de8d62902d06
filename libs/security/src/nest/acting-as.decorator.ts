import {
  createParamDecorator,
  ForbiddenException,
  UnauthorizedException,
  type ExecutionContext,
} from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Role } from '../actor/role';
import type { Permission } from '../policy/permission';
import { accessDecisionOf, actorOf } from './authenticated-request';

/** The actor taking an action, in the role that grants it, under a given policy version. */
export interface ActingUser {
  sub: string;
  entity: string;
  /** The first of the actor's roles that grants the permission. */
  role: Role;
  roles: Role[];
  permission: Permission;
  policyVersion: string;
}

/**
 * Injects the actor acting under the permission the route declares with
 * @RequirePermission; naming it again here keeps handler and route in step.
 */
export const ActingAs = createParamDecorator(
  (permission: Permission, context: ExecutionContext): ActingUser => {
    const request = context.switchToHttp().getRequest<IncomingMessage>();
    const actor = actorOf(request);
    if (!actor) throw new UnauthorizedException('A bearer token is required');
    const decision = accessDecisionOf(request);
    const role = decision?.grantedBy[0];
    if (!decision || decision.permission !== permission || !role) {
      throw new ForbiddenException(`This route does not declare permission ${permission}`);
    }
    return {
      sub: actor.sub,
      entity: actor.entity,
      role,
      roles: actor.roles,
      permission,
      policyVersion: decision.policyVersion,
    };
  },
);
