import { Injectable } from '@nestjs/common';
import { stateCodeSchema } from '@reprisals/contracts';
import { ZodValidationPipe } from '@reprisals/service-platform';

/** `@Param('state', StateCodeParamPipe)`: 400 naming the parameter when it is not an alpha-3 code. */
@Injectable()
export class StateCodeParamPipe extends ZodValidationPipe<typeof stateCodeSchema> {
  constructor() {
    super(stateCodeSchema);
  }
}
