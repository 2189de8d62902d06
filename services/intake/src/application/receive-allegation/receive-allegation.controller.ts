import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProtectedRoute,
  ApiZodBody,
  RequestValidationError,
  ZodValidationPipe,
} from '@reprisals/service-platform';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { AllegationRejected } from '../../domain/allegation';
import {
  receiveAllegationCommandSchema,
  type AllegationReceipt,
  type ReceiveAllegationCommand,
} from './receive-allegation.command';
import { ReceiveAllegationHandler } from './receive-allegation.handler';

@ApiTags('intake')
@ApiBearerAuth()
@ApiProtectedRoute()
@Controller('intake/allegations')
export class ReceiveAllegationController {
  constructor(private readonly handler: ReceiveAllegationHandler) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('allegation:create')
  @ApiOperation({
    summary: 'Records an allegation of intimidation or reprisal; the caller’s entity leads the case',
  })
  @ApiZodBody(receiveAllegationCommandSchema)
  @ApiCreatedResponse({ description: 'The case id and its reference, e.g. REP-2026-000123' })
  async receive(
    @Body(new ZodValidationPipe(receiveAllegationCommandSchema)) command: ReceiveAllegationCommand,
    @ActingAs('allegation:create') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<AllegationReceipt> {
    try {
      return await this.handler.execute(command, user, requestAuditContext(request));
    } catch (error) {
      if (error instanceof AllegationRejected) {
        throw new RequestValidationError([{ field: error.field, message: error.message }]);
      }
      throw error;
    }
  }
}
