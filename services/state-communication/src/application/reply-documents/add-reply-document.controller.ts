import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiGoneResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuditTrail } from '@reprisals/audit';
import { ApiSealedFileUpload, closingUnreadUpload, FILENAME_MAX_CHARACTERS } from '@reprisals/sealed-files';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, runRefusable, UuidParamPipe } from '@reprisals/service-platform';
import {
  REPLY_DOCUMENT_MAX_BYTES,
  REPLY_DOCUMENT_MEDIA_TYPES,
} from '../../infrastructure/reply-documents/reply-document-storage.config';
import { AddReplyDocumentHandler, type AddedReplyDocument } from './add-reply-document.handler';
import { replyDocumentRefusal } from './reply-document-refusal';

const ROUTE = 'POST /state-communication/communications/:id/replies/:replyId/documents';

@ApiTags('state-communication: reply documents')
@ApiBearerAuth()
@ApiProtectedRoute({
  notFound: 'No such communication or reply, or a communication of a case the caller’s entity does not see',
})
@Controller('state-communication/communications')
export class AddReplyDocumentController {
  constructor(
    private readonly handler: AddReplyDocumentHandler,
    private readonly audit: AuditTrail,
  ) {}

  @Post(':id/replies/:replyId/documents')
  @HttpCode(201)
  @RequirePermission('communication:record-reply')
  @ApiOperation({
    summary:
      'A document the State sent with its reply, attached by the lead entity of the case: streamed, its type read from its content, sealed with the case’s key (the communication’s own for a call for input), its SHA-256 recorded; its name is sealed too',
  })
  @ApiSealedFileUpload({
    created: 'The document’s id, media type, size and SHA-256',
    file: `The file, with its name (at most ${FILENAME_MAX_CHARACTERS} characters); its content must be one of ${REPLY_DOCUMENT_MEDIA_TYPES.join(', ')}`,
    tooLarge: `The file is larger than ${REPLY_DOCUMENT_MAX_BYTES} bytes`,
    unsupported: 'Not multipart/form-data, or a file whose content is not of an accepted type',
  })
  @ApiForbiddenResponse({
    description: 'The caller’s entity sees the case through a share, it does not lead it',
  })
  @ApiGoneResponse({ description: 'The personal data of the case was erased' })
  async add(
    @Param('id', UuidParamPipe) communicationId: string,
    @Param('replyId', UuidParamPipe) replyId: string,
    @ActingAs('communication:record-reply') user: ActingUser,
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<AddedReplyDocument> {
    let caseId: string | undefined;
    return runRefusable(
      this.audit,
      { user, request, target: ROUTE, caseId: () => caseId },
      () =>
        closingUnreadUpload(request, response, () =>
          this.handler.execute(
            { communicationId: communicationId.toLowerCase(), replyId },
            request,
            user,
            (found) => (caseId = found ?? undefined),
          ),
        ),
      replyDocumentRefusal,
    );
  }
}
