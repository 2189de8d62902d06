import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Actor } from '../actor/actor';
import { actorOf } from './authenticated-request';

/** Injects the authenticated actor of the request into a route handler parameter. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = actorOf(context.switchToHttp().getRequest<IncomingMessage>());
  if (!actor) throw new UnauthorizedException('A bearer token is required');
  return actor;
});
