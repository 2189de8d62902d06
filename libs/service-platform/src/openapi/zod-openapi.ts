import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/** The JSON Schema of a zod schema as OpenAPI 3 wants it. */
export function openApiSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as JsonSchema;
  delete json['$schema'];
  return json;
}

const validationErrorSchema = {
  type: 'object',
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    message: { type: 'string' },
    issues: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

/**
 * Documents a zod-validated JSON body, with a complete example, and its 400 response. The example
 * is checked against the schema when the route is declared: an example that no longer validates
 * stops the service from starting, so the document never shows a body the route would refuse.
 */
export function ApiZodBody(schema: z.ZodType, example: unknown, description?: string): MethodDecorator {
  const checked = schema.safeParse(example);
  if (!checked.success) {
    const fields = checked.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ');
    throw new Error(`The OpenAPI example does not validate: ${fields}`);
  }
  return applyDecorators(
    ApiBody({
      schema: { ...openApiSchemaOf(schema), example },
      ...(description ? { description } : {}),
    }),
    ApiBadRequestResponse({
      description: 'Names every offending field; nothing is written',
      schema: validationErrorSchema,
    }),
  );
}

/** Documents each property of a zod object used for query parameters. */
export function ApiZodQuery(schema: z.ZodObject): MethodDecorator {
  const decorators = Object.entries(schema.shape).map(([name, property]) =>
    ApiQuery({
      name,
      required: !(property as z.ZodType).safeParse(undefined).success,
      schema: openApiSchemaOf(property as z.ZodType),
    }),
  );
  return applyDecorators(...decorators);
}
