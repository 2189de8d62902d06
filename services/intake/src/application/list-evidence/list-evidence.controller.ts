import { Controller, Get, GoneException, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiGoneResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, CaseReadGate, UuidParamPipe } from '@reprisals/service-platform';
import { CaseEvidenceReader, type EvidenceView } from '../../infrastructure/evidence/case-evidence.reader';
import { INTAKE_DATA_SOURCE } from '../../infrastructure/persistence/intake-data-source';
import { ErasureRecordEntity } from '../../infrastructure/persistence/erasure-record.entity';

@ApiTags('intake: evidence')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one the caller’s entity does not see' })
@Controller('intake/allegations')
export class ListEvidenceController {
  constructor(
    @InjectDataSource(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: CaseReadGate,
    private readonly evidence: CaseEvidenceReader,
  ) {}

  @Get(':id/attachments')
  @RequirePermission('evidence:read')
  @ApiOperation({
    summary:
      'The evidence files of a case, oldest first: id, type, size, SHA-256, description, when and by which entity (file names come with the files); for the lead entity and entities holding a full share, audited before the list leaves',
  })
  @ApiForbiddenResponse({ description: 'The caller’s entity holds a summary share only' })
  @ApiGoneResponse({ description: 'The personal data of the case was erased' })
  async list(
    @Param('id', UuidParamPipe) caseId: string,
    @ActingAs('evidence:read') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<{ attachments: EvidenceView[] }> {
    await this.gate.open({
      service: 'intake',
      dataSource: this.dataSource,
      caseId,
      user,
      request,
      scope: 'full',
    });
    // Also for a case erased before any evidence was added: the answer does not depend on that.
    if (await this.dataSource.getRepository(ErasureRecordEntity).existsBy({ caseId })) {
      throw new GoneException('The personal data of this case was erased');
    }
    return { attachments: await this.evidence.list(this.dataSource.manager, caseId) };
  }
}
