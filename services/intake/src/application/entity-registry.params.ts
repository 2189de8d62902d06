import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { entityCodeSchema } from '@reprisals/contracts';
import { ZodValidationPipe } from '@reprisals/service-platform';

/** `@Param('code', EntityCodeParamPipe)`: 400 naming the parameter when it is not an entity code. */
@Injectable()
export class EntityCodeParamPipe extends ZodValidationPipe<typeof entityCodeSchema> {
  constructor() {
    super(entityCodeSchema);
  }
}

/** A token subject as the audit trail accepts it: printable, no spaces. */
export const focalPointSubSchema = z
  .string()
  .max(128, 'must be at most 128 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be an account id (printable, no spaces)');

@Injectable()
export class FocalPointSubParamPipe extends ZodValidationPipe<typeof focalPointSubSchema> {
  constructor() {
    super(focalPointSubSchema);
  }
}
