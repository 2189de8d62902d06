import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiGoneResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { ApiSealedFileUpload, closingUnreadUpload, FILENAME_MAX_CHARACTERS } from '@reprisals/sealed-files';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, UuidParamPipe } from '@reprisals/service-platform';
import {
  DESCRIPTION_MAX_CHARACTERS,
  DESCRIPTION_PART,
} from '../../infrastructure/evidence/evidence-form.policy';
import { RefusalAuditor } from '../refusal.auditor';
import { AddEvidenceHandler, type AddedEvidence } from './add-evidence.handler';
import { evidenceRefusal } from './evidence-refusal';

@ApiTags('intake: evidence')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one the caller’s entity does not see' })
@Controller('intake/allegations')
export class AddEvidenceController {
  constructor(
    private readonly handler: AddEvidenceHandler,
    private readonly refusals: RefusalAuditor,
  ) {}

  @Post(':id/attachments')
  @HttpCode(201)
  @RequirePermission('evidence:add')
  @ApiOperation({
    summary:
      'The lead entity, or an entity holding a full share, attaches a file of evidence (a document, an image, a recording): streamed, sealed with the case’s key, its SHA-256 recorded; its name and description are sealed too',
  })
  @ApiSealedFileUpload({
    created: 'The attachment’s id, type, size and SHA-256',
    file: `The file, with its name (at most ${FILENAME_MAX_CHARACTERS} characters) and its type, which must be one of ATTACHMENT_CONTENT_TYPES and match its content`,
    textParts: {
      [DESCRIPTION_PART]: {
        maxLength: DESCRIPTION_MAX_CHARACTERS,
        description: 'What the file shows; sealed like the file',
      },
    },
    tooLarge: 'The file is larger than ATTACHMENT_MAX_BYTES',
    unsupported:
      'Not multipart/form-data, or a file type outside ATTACHMENT_CONTENT_TYPES or not matching its content',
  })
  @ApiForbiddenResponse({ description: 'The caller’s entity holds a summary share only' })
  @ApiGoneResponse({ description: 'The personal data of the case was erased' })
  async add(
    @Param('id', UuidParamPipe) caseId: string,
    @ActingAs('evidence:add') user: ActingUser,
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<AddedEvidence> {
    return this.refusals.guard(
      user,
      request,
      caseId,
      'POST /intake/allegations/:id/attachments',
      () =>
        closingUnreadUpload(request, response, () =>
          this.handler.execute(caseId, request, user, requestAuditContext(request)),
        ),
      evidenceRefusal,
    );
  }
}
