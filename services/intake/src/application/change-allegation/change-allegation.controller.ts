import { Body, Controller, Headers, HttpException, HttpStatus, Param, Patch, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import {
  ApiProtectedRoute,
  ApiZodBody,
  RequestValidationError,
  UuidParamPipe,
  ZodValidationPipe,
} from '@reprisals/service-platform';
import { AllegationRejected } from '../../domain/allegation';
import { AllegationChangeRefused, entityTagOf, versionFromEntityTag } from '../../domain/allegation-change';
import { sharingRefusal } from '../case-share-refusal';
import { RefusalAuditor, type Refusal } from '../refusal.auditor';
import { changeAllegationCommandSchema, type ChangeAllegationCommand } from './change-allegation.command';
import { ChangeAllegationHandler } from './change-allegation.handler';

function changeRefusal(error: unknown): Refusal | undefined {
  if (error instanceof AllegationRejected) {
    return { reason: 'invalid', answer: new RequestValidationError([...error.issues]) };
  }
  if (!(error instanceof AllegationChangeRefused)) return sharingRefusal(error);
  switch (error.code) {
    case 'precondition-required':
      return {
        reason: error.code,
        answer: new HttpException(error.message, HttpStatus.PRECONDITION_REQUIRED),
      };
    case 'stale-version':
      return { reason: error.code, answer: new HttpException(error.message, HttpStatus.PRECONDITION_FAILED) };
    case 'erased':
      return { reason: error.code, answer: new HttpException(error.message, HttpStatus.GONE) };
  }
}

@ApiTags('intake')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one the caller’s entity does not see' })
@Controller('intake/allegations')
export class ChangeAllegationController {
  constructor(
    private readonly handler: ChangeAllegationHandler,
    private readonly refusals: RefusalAuditor,
  ) {}

  @Patch(':id')
  @RequirePermission('allegation:create')
  @ApiOperation({
    summary:
      'The lead entity corrects or completes an allegation, on the version it read (If-Match: the ETag of GET /intake/allegations/:id)',
  })
  @ApiZodBody(changeAllegationCommandSchema, {
    summary: 'A defender who briefed the review was questioned on return; her passport was withheld.',
    receivedVia: 'meeting',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag the change is based on, e.g. "3"' })
  @ApiResponse({ status: 412, description: 'The allegation changed since that ETag' })
  @ApiResponse({ status: 428, description: 'If-Match is missing' })
  async change(
    @Param('id', UuidParamPipe) caseId: string,
    @Body(new ZodValidationPipe(changeAllegationCommandSchema)) command: ChangeAllegationCommand,
    @Headers('if-match') ifMatch: string | undefined,
    @ActingAs('allegation:create') user: ActingUser,
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<{ version: number }> {
    const expected = versionFromEntityTag(ifMatch);
    const changed = await this.refusals.guard(
      user,
      request,
      caseId,
      'PATCH /intake/allegations/:id',
      () =>
        this.handler.execute(
          caseId,
          command,
          expected === 'unreadable' ? -1 : expected,
          user,
          requestAuditContext(request),
        ),
      changeRefusal,
    );
    response.setHeader('ETag', entityTagOf(changed.version));
    return changed;
  }
}
