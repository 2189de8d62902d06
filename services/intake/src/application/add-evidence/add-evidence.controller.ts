import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, UuidParamPipe } from '@reprisals/service-platform';
import {
  DESCRIPTION_MAX_CHARACTERS,
  DESCRIPTION_PART,
  FILE_PART,
  FILENAME_MAX_CHARACTERS,
} from '../../infrastructure/evidence/evidence-form.reader';
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
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [FILE_PART],
      properties: {
        [FILE_PART]: {
          type: 'string',
          format: 'binary',
          description: `The file, with its name (at most ${FILENAME_MAX_CHARACTERS} characters) and its type, which must be one of ATTACHMENT_CONTENT_TYPES and match its content`,
        },
        [DESCRIPTION_PART]: {
          type: 'string',
          maxLength: DESCRIPTION_MAX_CHARACTERS,
          description: 'What the file shows; sealed like the file',
        },
      },
    },
  })
  @ApiCreatedResponse({ description: 'The attachment’s id, type, size and SHA-256' })
  @ApiBadRequestResponse({ description: 'No file part, an empty file, or unknown parts (named)' })
  @ApiForbiddenResponse({ description: 'The caller’s entity holds a summary share only' })
  @ApiGoneResponse({ description: 'The personal data of the case was erased' })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than ATTACHMENT_MAX_BYTES' })
  @ApiUnsupportedMediaTypeResponse({
    description:
      'Not multipart/form-data, or a file type outside ATTACHMENT_CONTENT_TYPES or not matching its content',
  })
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
      async () => {
        try {
          return await this.handler.execute(caseId, request, user, requestAuditContext(request));
        } catch (error) {
          // The rest of an unread upload is not waited for: the answer ends the connection.
          if (!request.complete && !response.headersSent) response.setHeader('Connection', 'close');
          throw error;
        }
      },
      evidenceRefusal,
    );
  }
}
