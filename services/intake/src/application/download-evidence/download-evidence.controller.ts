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
import { ApiProtectedRoute, CaseReadGate, UuidParamPipe } from '@reprisals/service-platform';
import {
  CaseEvidenceReader,
  EvidenceFileMissing,
  type OpenedEvidence,
} from '../../infrastructure/evidence/case-evidence.reader';
import { INTAKE_DATA_SOURCE } from '../../infrastructure/persistence/intake-data-source';

@ApiTags('intake: evidence')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case or attachment, or a case the caller’s entity does not see' })
@Controller('intake/allegations')
export class DownloadEvidenceController {
  private readonly logger = new Logger('DownloadEvidenceController');

  constructor(
    @InjectDataSource(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: CaseReadGate,
    private readonly evidence: CaseEvidenceReader,
  ) {}

  @Get(':id/attachments/:attachmentId')
  @RequirePermission('evidence:read')
  @ApiOperation({
    summary:
      'One evidence file, opened as it streams, with its name (Content-Disposition); checked against its recorded SHA-256 on the way (a file that fails is cut short); for the lead entity and entities holding a full share, audited before the first byte leaves',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, with the type it was accepted under' })
  @ApiForbiddenResponse({ description: 'The caller’s entity holds a summary share only' })
  @ApiGoneResponse({ description: 'The personal data of the case was erased' })
  async download(
    @Param('id', UuidParamPipe) caseId: string,
    @Param('attachmentId', UuidParamPipe) attachmentId: string,
    @ActingAs('evidence:read') user: ActingUser,
    @Req() request: IncomingMessage,
    @Res() response: Response,
  ): Promise<void> {
    await this.gate.open({
      service: 'intake',
      dataSource: this.dataSource,
      caseId,
      user,
      request,
      scope: 'full',
      target: `attachment:${attachmentId.toLowerCase()}`,
    });
    const opened = await this.open(caseId, attachmentId);
    response.status(200);
    // Express encodes the name (RFC 6266, with an ASCII fallback) and guesses a type from it:
    // the type the file was accepted under replaces that guess.
    response.attachment(opened.filename);
    response.setHeader(
      'Content-Type',
      opened.contentType.startsWith('text/') ? `${opened.contentType}; charset=utf-8` : opened.contentType,
    );
    response.setHeader('Content-Length', String(opened.size));
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
        msg: 'evidence file failed while it was sent',
        attachmentId: opened.attachmentId,
        error: error instanceof Error ? error.name : 'non-error',
      });
    }
  }

  private async open(caseId: string, attachmentId: string): Promise<OpenedEvidence> {
    let opened: OpenedEvidence | undefined;
    try {
      opened = await this.evidence.open(this.dataSource.manager, caseId, attachmentId);
    } catch (error) {
      if (error instanceof EvidenceFileMissing) {
        this.logger.error({ msg: 'evidence file missing from the store', attachmentId: error.attachmentId });
        throw new InternalServerErrorException('The file of this attachment cannot be read');
      }
      throw error;
    }
    if (!opened) throw new NotFoundException('No such attachment');
    return opened;
  }
}
