import { Body, Controller, Delete, HttpCode, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, UuidParamPipe, ZodValidationPipe } from '@reprisals/service-platform';
import { sharingRefusal } from '../case-share-refusal';
import { RefusalAuditor } from '../refusal.auditor';
import { erasePersonalDataCommandSchema, type ErasePersonalDataCommand } from './erase-personal-data.command';
import { AlreadyErased, ErasePersonalDataHandler } from './erase-personal-data.handler';

@ApiTags('intake: identities')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one the caller’s entity does not see' })
@Controller('intake/allegations')
export class ErasePersonalDataController {
  constructor(
    private readonly handler: ErasePersonalDataHandler,
    private readonly refusals: RefusalAuditor,
  ) {}

  @Delete(':id/personal-data')
  @HttpCode(200)
  @RequirePermission('case:erase')
  @ApiOperation({
    summary:
      'The lead entity erases the personal data of a case by destroying its encryption key; the non-identifying record, statistics and audit trail remain',
  })
  @ApiZodBody(erasePersonalDataCommandSchema, {
    reason: 'request-of-the-person',
    note: 'The person asked in writing on 2 May 2026.',
  })
  @ApiConflictResponse({ description: 'Already erased' })
  erase(
    @Param('id', UuidParamPipe) caseId: string,
    @Body(new ZodValidationPipe(erasePersonalDataCommandSchema)) command: ErasePersonalDataCommand,
    @ActingAs('case:erase') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<{ erasedAt: string }> {
    return this.refusals.guard(
      user,
      request,
      caseId,
      'DELETE /intake/allegations/:id/personal-data',
      () => this.handler.execute(caseId, command, user, requestAuditContext(request)),
      (error) =>
        error instanceof AlreadyErased ? { reason: 'already-erased', answer: error } : sharingRefusal(error),
    );
  }
}
