import { applyDecorators } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

const errorSchema = {
  type: 'object',
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    message: { type: 'string' },
  },
};

/** Documents the answers every protected route can give besides its own. */
export function ApiProtectedRoute(options: { notFound?: string } = {}): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiUnauthorizedResponse({
      description: 'No bearer token, or one that is invalid or expired',
      schema: errorSchema,
    }),
    ApiForbiddenResponse({
      description: 'The caller’s roles do not grant the route’s permission',
      schema: errorSchema,
    }),
    ...(options.notFound
      ? [ApiNotFoundResponse({ description: options.notFound, schema: errorSchema })]
      : []),
  );
}
