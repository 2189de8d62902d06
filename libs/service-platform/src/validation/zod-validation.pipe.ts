import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { RequestValidationError } from './request-validation.error';

/**
 * Validates a request part against a zod schema (strict objects reject unknown fields).
 * Written here because the zod integration packages for Nest do not yet declare Nest 12;
 * the OpenAPI side uses zod's own JSON Schema output (see openapi/zod-openapi.ts).
 */
@Injectable()
export class ZodValidationPipe<TSchema extends z.ZodType> implements PipeTransform<
  unknown,
  z.infer<TSchema>
> {
  constructor(private readonly schema: TSchema) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.infer<TSchema> {
    const where = metadata.type === 'query' ? 'query' : metadata.type === 'param' ? 'params' : 'body';
    const result = this.schema.safeParse(value ?? (where === 'body' ? undefined : {}));
    if (!result.success) throw RequestValidationError.fromZod(result.error, where, metadata.data);
    return result.data;
  }
}

/** `@Param('id', UuidParamPipe)`: 400 naming the parameter when it is not a UUID. */
@Injectable()
export class UuidParamPipe extends ZodValidationPipe<z.ZodUUID> {
  constructor() {
    super(z.uuid());
  }
}
