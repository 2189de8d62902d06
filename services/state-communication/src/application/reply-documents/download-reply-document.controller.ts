import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiGoneResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { ApiSealedFileDownload, openForDownload, sendSealedFile } from '@reprisals/sealed-files';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, UuidParamPipe } from '@reprisals/service-platform';
import { STATE_COMMUNICATION_DATA_SOURCE } from '../../infrastructure/persistence/state-communication-data-source';
import { ReplyDocumentReader } from '../../infrastructure/reply-documents/reply-document.reader';
import { ReplyDocumentsReadGate } from './reply-documents-read.gate';

@ApiTags('state-communication: reply documents')
@ApiBearerAuth()
@ApiProtectedRoute({
  notFound:
    'No such communication, reply or document, or a communication of a case the caller’s entity does not see',
})
@Controller('state-communication/communications')
export class DownloadReplyDocumentController {
  private readonly logger = new Logger('DownloadReplyDocumentController');

  constructor(
    @InjectDataSource(STATE_COMMUNICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: ReplyDocumentsReadGate,
    private readonly documents: ReplyDocumentReader,
  ) {}

  @Get(':id/replies/:replyId/documents/:documentId')
  @RequirePermission('communication:read-reply-documents')
  @ApiOperation({
    summary:
      'One document the State sent with a reply, opened as it streams, with its name (Content-Disposition); checked against its recorded SHA-256 on the way (a file that fails is cut short); audited before the first byte leaves',
  })
  @ApiSealedFileDownload('The file, with the media type its content was accepted under')
  @ApiForbiddenResponse({ description: 'The caller’s entity holds a summary share of the case only' })
  @ApiGoneResponse({ description: 'The personal data of the case was erased' })
  async download(
    @Param('id', UuidParamPipe) communicationId: string,
    @Param('replyId', UuidParamPipe) replyId: string,
    @Param('documentId', UuidParamPipe) documentId: string,
    @ActingAs('communication:read-reply-documents') user: ActingUser,
    @Req() request: IncomingMessage,
    @Res() response: Response,
  ): Promise<void> {
    const id = documentId.toLowerCase();
    const reply = await this.gate.open({ communicationId, replyId }, user, request, `reply-document:${id}`);
    const opened = await openForDownload(
      () =>
        this.documents.open(this.dataSource.manager, reply.keySubject, {
          communicationId: reply.communicationId,
          replyId: reply.replyId,
          documentId: id,
        }),
      {
        notFound: 'No such document',
        unreadable: 'The file of this document cannot be read',
        missing: (fileId) =>
          this.logger.error({ msg: 'reply document missing from the store', documentId: fileId }),
      },
    );
    await sendSealedFile(response, opened, (error) =>
      this.logger.error({ msg: 'reply document failed while it was sent', documentId: opened.id, error }),
    );
  }
}
