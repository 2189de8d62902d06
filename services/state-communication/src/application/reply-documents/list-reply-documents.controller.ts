import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, UuidParamPipe } from '@reprisals/service-platform';
import { STATE_COMMUNICATION_DATA_SOURCE } from '../../infrastructure/persistence/state-communication-data-source';
import {
  ReplyDocumentReader,
  type ReplyDocumentView,
} from '../../infrastructure/reply-documents/reply-document.reader';
import { ReplyDocumentsReadGate } from './reply-documents-read.gate';

@ApiTags('state-communication: reply documents')
@ApiBearerAuth()
@ApiProtectedRoute({
  notFound: 'No such communication or reply, or a communication of a case the caller’s entity does not see',
})
@Controller('state-communication/communications')
export class ListReplyDocumentsController {
  constructor(
    @InjectDataSource(STATE_COMMUNICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: ReplyDocumentsReadGate,
    private readonly documents: ReplyDocumentReader,
  ) {}

  @Get(':id/replies/:replyId/documents')
  @RequirePermission('communication:read-reply-documents')
  @ApiOperation({
    summary:
      'The documents the State sent with a reply, oldest first: id, media type, size, SHA-256, when and by which role and entity they were added (file names come with the files); audited before the list leaves',
  })
  @ApiForbiddenResponse({ description: 'The caller’s entity holds a summary share of the case only' })
  async list(
    @Param('id', UuidParamPipe) communicationId: string,
    @Param('replyId', UuidParamPipe) replyId: string,
    @ActingAs('communication:read-reply-documents') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<{ documents: ReplyDocumentView[] }> {
    const reply = await this.gate.open(
      { communicationId, replyId },
      user,
      request,
      'GET /state-communication/communications/:id/replies/:replyId/documents',
    );
    return {
      documents: await this.documents.list(this.dataSource.manager, reply.communicationId, reply.replyId),
    };
  }
}
