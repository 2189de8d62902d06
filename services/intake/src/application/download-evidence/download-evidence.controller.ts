import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiGoneResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { ApiSealedFileDownload, openForDownload, sendSealedFile } from '@reprisals/sealed-files';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, CaseReadGate, UuidParamPipe } from '@reprisals/service-platform';
import { CaseEvidenceReader } from '../../infrastructure/evidence/case-evidence.reader';
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
  @ApiSealedFileDownload('The file, with the type it was accepted under')
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
    const opened = await openForDownload(
      () => this.evidence.open(this.dataSource.manager, caseId, attachmentId),
      {
        notFound: 'No such attachment',
        unreadable: 'The file of this attachment cannot be read',
        missing: (fileId) =>
          this.logger.error({ msg: 'evidence file missing from the store', attachmentId: fileId }),
      },
    );
    await sendSealedFile(response, opened, (error) =>
      this.logger.error({
        msg: 'evidence file failed while it was sent',
        attachmentId: opened.attachmentId,
        error,
      }),
    );
  }
}
