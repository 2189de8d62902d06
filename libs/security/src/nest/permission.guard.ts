import {
  ForbiddenException,
  Inject,
  Injectable,
  Optional,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '../actor/actor';
import { AccessPolicy } from '../policy/access-policy';
import type { Permission } from '../policy/permission';
import { InvalidTokenError, TokenVerificationUnavailableError } from '../token/invalid-token.error';
import { TOKEN_VERIFIER, type TokenVerifier } from '../token/token-verifier';
import {
  ACCESS_DENIAL_LISTENER,
  type AccessDenial,
  type AccessDenialListener,
} from './access-denial.listener';
import { attachAccessDecision, attachActor } from './authenticated-request';
import { extractBearerToken } from './bearer-token';
import { PUBLIC_ROUTE } from './public.decorator';
import { REQUIRED_PERMISSION } from './require-permission.decorator';

/**
 * Guards every HTTP route: @Public() routes pass; any other route needs a valid
 * bearer token (401 otherwise) and the permission it declares with
 * @RequirePermission (403 when the actor's roles do not grant it, and 403 when the
 * route declares none: access is closed unless opened on purpose).
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AccessPolicy) private readonly policy: AccessPolicy,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Optional() @Inject(ACCESS_DENIAL_LISTENER) private readonly denials?: AccessDenialListener,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Only HTTP routes are reached by people; messages are authenticated by their transport.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<IncomingMessage>();
    const actor = await this.authenticate(request, http.getResponse<ServerResponse>());
    attachActor(request, actor);

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (!permission) {
      await this.report(request, { actor, permission, reason: 'no-permission-declared' });
      throw new ForbiddenException('This route declares no permission');
    }
    const decision = this.policy.decide(actor, permission);
    if (!decision.allowed) {
      await this.report(request, { actor, permission, reason: 'missing-permission' });
      throw new ForbiddenException(`Permission ${permission} is not granted to the caller's roles`);
    }
    attachAccessDecision(request, decision);
    return true;
  }

  private async report(
    request: IncomingMessage,
    denial: Pick<AccessDenial, 'actor' | 'permission' | 'reason'>,
  ): Promise<void> {
    if (!this.denials) return;
    const routed = request as IncomingMessage & {
      route?: { path?: unknown };
      params?: Record<string, unknown>;
    };
    const route = typeof routed.route?.path === 'string' ? routed.route.path : '(unknown route)';
    const id = routed.params?.['id'];
    const caseId = typeof id === 'string' && /\/(allegations|cases)\/:id/.test(route) ? id : undefined;
    await this.denials.denied({ ...denial, route, caseId, policyVersion: this.policy.version, request });
  }

  private async authenticate(request: IncomingMessage, response: ServerResponse): Promise<Actor> {
    const token = extractBearerToken(request.headers.authorization);
    if (!token) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException('A bearer token is required');
    }
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
        throw new UnauthorizedException(error.message);
      }
      if (error instanceof TokenVerificationUnavailableError) {
        throw new ServiceUnavailableException(error.message);
      }
      throw error;
    }
  }
}
