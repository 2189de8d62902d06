import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const PUBLIC_ROUTE = 'reprisals:security:public';

/** OpenAPI extension marking a route that answers without a token, so clients and tests can list them. */
export const PUBLIC_EXTENSION = 'x-public-route';

/** Lets a route (or every route of a controller) through without a token: health, probes, published rules. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_EXTENSION, true));
