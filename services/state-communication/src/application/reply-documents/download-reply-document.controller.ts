import {
  Controller,
  Get,
  InternalServerErrorException,
  Logger,
  NotFoundException,
  Param,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, UuidParamPipe } from '@reprisals/service-platform';
import { STATE_COMMUNICATION_DATA_SOURCE } from '../../infrastructure/persistence/state-communication-data-source';
import {
  ReplyDocumentFileMissing,
  ReplyDocumentReader,
  type OpenedReplyDocument,
} from '../../infrastructure/reply-documents/reply-document.reader';
import type { ReplyOfCommunication } from './reply-documents.access';
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
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, with the media type its content was accepted under' })
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
    const opened = await this.open(reply, id);
    response.status(200);
    // Express encodes the name (RFC 6266, with an ASCII fallback) and guesses a type from it:
    // the type the content was accepted under replaces that guess.
    response.attachment(opened.filename);
    response.setHeader('Content-Type', opened.mediaType);
    response.setHeader('Content-Length', String(opened.sizeBytes));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'no-store');
    try {
      await pipeline(...opened.stages, response);
    } catch (error) {
      // The headers are gone: the answer is cut short (its Content-Length unmet), never completed.
      response.destroy();
      // The reader went away: nothing failed on this side.
      if ((error as { code?: unknown }).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      this.logger.error({
        msg: 'reply document failed while it was sent',
        documentId: opened.id,
        error: error instanceof Error ? error.name : 'non-error',
      });
    }
  }

  private async open(reply: ReplyOfCommunication, documentId: string): Promise<OpenedReplyDocument> {
    let opened: OpenedReplyDocument | undefined;
    try {
      opened = await this.documents.open(this.dataSource.manager, reply.keySubject, {
        communicationId: reply.communicationId,
        replyId: reply.replyId,
        documentId,
      });
    } catch (error) {
      if (error instanceof ReplyDocumentFileMissing) {
        this.logger.error({ msg: 'reply document missing from the store', documentId: error.documentId });
        throw new InternalServerErrorException('The file of this document cannot be read');
      }
      throw error;
    }
    if (!opened) throw new NotFoundException('No such document');
    return opened;
  }
}
