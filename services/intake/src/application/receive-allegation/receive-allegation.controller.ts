import { Body, Controller, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  ApiProtectedRoute,
  ApiZodBody,
  RequestValidationError,
  ZodValidationPipe,
} from '@reprisals/service-platform';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { AllegationRejected } from '../../domain/allegation';
import {
  idempotencyKeySchema,
  receiveAllegationCommandSchema,
  type AllegationReceipt,
  type ReceiveAllegationCommand,
} from './receive-allegation.command';
import { RECEIVE_ALLEGATION_EXAMPLE } from './receive-allegation.example';
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
  @ApiZodBody(receiveAllegationCommandSchema, RECEIVE_ALLEGATION_EXAMPLE)
  @ApiCreatedResponse({ description: 'The case id and its reference, e.g. REP-2026-000123' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried POST with the same key and body returns the first receipt, not a second case',
  })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used with another request' })
  async receive(
    @Body(new ZodValidationPipe(receiveAllegationCommandSchema)) command: ReceiveAllegationCommand,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @ActingAs('allegation:create') user: ActingUser,
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<AllegationReceipt> {
    const key = idempotencyKeySchema.optional().safeParse(idempotencyKeyHeader);
    if (!key.success) throw RequestValidationError.fromZod(key.error, 'headers', 'Idempotency-Key');
    const idempotencyKey = key.data;
    try {
      const { replayed, ...receipt } = await this.handler.execute(
        command,
        user,
        requestAuditContext(request),
        idempotencyKey,
      );
      if (replayed) response.setHeader('Idempotent-Replayed', 'true');
      return receipt;
    } catch (error) {
      if (error instanceof AllegationRejected) {
        throw new RequestValidationError([...error.issues]);
      }
      throw error;
    }
  }
}
