import { staleEntries } from '../reporting-cycles/stale-entries.reader';
import {
  ConflictException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import {
  ApiProtectedRoute,
  ApiZodQuery,
  UuidParamPipe,
  ZodValidationPipe,
} from '@reprisals/service-platform';
import { REPORTING_DATA_SOURCE } from '../../infrastructure/persistence/reporting-data-source';
import { ReportingCycleEntity } from '../../infrastructure/persistence/reporting-cycle.entity';
import { reportingCycleView } from '../reporting-cycles/reporting-cycle.view';
import {
  exportReportingCycleQuerySchema,
  type ExportReportingCycleQuery,
} from './export-reporting-cycle.query';
import {
  REPORT_EXPORT_FORMATS,
  REPORT_EXPORT_MEDIA_TYPES,
  reportExportFileName,
  type ReportExportFormat,
  type ReportExportSource,
} from './report-export';
import { finalisedVersionOf } from './finalised-version.reader';
import { reportCsv } from './report-export.csv';
import { reportDocx } from './report-export.docx';
import { reportHtml } from './report-export.html';

const DESCRIPTION = [
  "Exports the cycle's last compiled draft as a file to download (Content-Disposition: attachment,",
  'named after the document symbol, or the period before one is known). json: the cycle and its',
  'draft as GET /reporting/cycles/:id gives them. csv: one row per entry of annex I and annex II,',
  'then one per case left out with its reason and explanation. json and csv are working files for',
  'analysts and keep the internal case ids; html (a standalone page with its charts as inline SVG,',
  'no script) and docx (the layout of a UN report) are the public text and carry no case id.',
  'No format writes a name: entries are written from categories only. A draft compiled before its',
  'cut-off says how far its information goes ("as at" the day); an export of a draft unchanged since',
  'the latest finalised version is dated as that version. Every export is audited.',
].join(' ');

@ApiTags('reporting')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such reporting cycle' })
@Controller('reporting/cycles')
export class ExportReportingCycleController {
  constructor(
    @InjectDataSource(REPORTING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':id/export')
  @RequirePermission('report:compile')
  @ApiOperation({
    summary: "The cycle's compiled draft as JSON, CSV, HTML or DOCX, to download",
    description: DESCRIPTION,
  })
  @ApiZodQuery(exportReportingCycleQuerySchema)
  @ApiProduces(...REPORT_EXPORT_FORMATS.map((format) => REPORT_EXPORT_MEDIA_TYPES[format]))
  @ApiOkResponse({ description: 'The file, as an attachment' })
  @ApiConflictResponse({ description: 'The cycle has no compiled draft yet' })
  async export(
    @Param('id', UuidParamPipe) id: string,
    @Query(new ZodValidationPipe(exportReportingCycleQuerySchema)) query: ExportReportingCycleQuery,
    @ActingAs('report:compile') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<StreamableFile> {
    const row = await this.dataSource.getRepository(ReportingCycleEntity).findOneBy({ id });
    if (!row) throw new NotFoundException('No such reporting cycle');
    if (!row.draft)
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: 'The cycle has no compiled draft yet: compile it first',
        reason: 'not-compiled',
      });
    // The public text is never written from entries consent or protection no longer allow.
    if (
      (query.format === 'html' || query.format === 'docx') &&
      (await staleEntries(this.dataSource.manager, row.draft)).length > 0
    )
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: 'Consent or protection changed since the compile: compile the cycle again',
        reason: 'stale-draft',
      });
    const content = await this.render(query.format, row, {
      cycle: cycleOf(row),
      draft: row.draft,
      today: this.clock.now().toISOString().slice(0, 10),
      finalised: await finalisedVersionOf(this.dataSource.manager, row),
    });
    await this.audit.recordNow({
      ...actingUserAudit(user),
      ...requestAuditContext(request),
      action: 'report:compile',
      target: `reporting-cycle:${id}:${query.format}`,
      outcome: 'allowed',
    });
    return new StreamableFile(content, {
      type: REPORT_EXPORT_MEDIA_TYPES[query.format],
      disposition: `attachment; filename="${reportExportFileName(row, query.format)}"`,
      length: content.length,
    });
  }

  private async render(
    format: ReportExportFormat,
    row: ReportingCycleEntity,
    source: ReportExportSource,
  ): Promise<Buffer> {
    switch (format) {
      case 'json':
        return Buffer.from(JSON.stringify(reportingCycleView(row, true), null, 2), 'utf8');
      case 'csv':
        return Buffer.from(reportCsv(source), 'utf8');
      case 'html':
        return Buffer.from(reportHtml(source), 'utf8');
      case 'docx':
        return reportDocx(source);
    }
  }
}

function cycleOf(row: ReportingCycleEntity): ReportExportSource['cycle'] {
  return {
    id: row.id,
    kind: row.kind,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    cutOff: row.cutOff,
    symbol: row.symbol,
    policyVersion: row.policyVersion,
    compiledAt: row.compiledAt?.toISOString() ?? null,
  };
}
