import {
  ForbiddenException,
  Inject,
  Injectable,
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
    if (!permission) throw new ForbiddenException('This route declares no permission');
    const decision = this.policy.decide(actor, permission);
    if (!decision.allowed) {
      throw new ForbiddenException(`Permission ${permission} is not granted to the caller's roles`);
    }
    attachAccessDecision(request, decision);
    return true;
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
