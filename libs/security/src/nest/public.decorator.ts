import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'reprisals:security:public';

/** Lets a route (or every route of a controller) through without a token: health, probes. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
