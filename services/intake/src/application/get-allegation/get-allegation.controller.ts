import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, CaseReadGate, UuidParamPipe } from '@reprisals/service-platform';
import { AllegationEntity } from '../../infrastructure/persistence/allegation.entity';
import { INTAKE_DATA_SOURCE } from '../../infrastructure/persistence/intake-data-source';
import { entityTagOf } from '../../domain/allegation-change';
import { ActRecordEntity } from '../../infrastructure/persistence/act-record.entity';
import { SourceRecordEntity } from '../../infrastructure/persistence/source-record.entity';
import { VictimRecordEntity } from '../../infrastructure/persistence/victim-record.entity';

export interface AllegationView {
  id: string;
  reference: string;
  stateConcerned: string;
  receivedVia: string;
  receivedOn: string;
  summary: string;
  submissionLanguage: string;
  leadEntity: string;
  recordedAt: string;
  /** Raised by every change; also the ETag to send back with If-Match. */
  version: number;
  /** Victims by pseudonym, with the non-identifying facts only. */
  victims: Array<{
    pseudonym: string;
    kind: 'individual' | 'organisation';
    profile: string | null;
    gender: string | null;
    ageGroup: string | null;
    organisationType: string | null;
  }>;
  /** Sources by pseudonym: how and when they reported, and their rating. */
  sources: Array<{
    pseudonym: string;
    channel: string;
    receivedOn: string;
    relation: string;
    reliability: string;
  }>;
  hasDetailedAccount: boolean;
  /** The nexus with the UN; null for allegations recorded before it was asked. */
  cooperation: { mechanism: string; detail: string | null; category: string; date: string | null } | null;
  /** Acts, without place or description (those come with the identities). */
  acts: Array<{
    type: string;
    date: string | null;
    periodFrom: string | null;
    periodTo: string | null;
    country: string;
    online: boolean;
    perpetrator: string;
  }>;
}

@ApiTags('intake')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one led by another entity' })
@Controller('intake/allegations')
export class GetAllegationController {
  constructor(
    @InjectDataSource(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: CaseReadGate,
  ) {}

  @Get(':id')
  @RequirePermission('allegation:read')
  @ApiOperation({ summary: 'The allegation as recorded (non-identifying fields), for its lead entity' })
  @ApiOkResponse({ description: 'The allegation' })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @ActingAs('allegation:read') user: ActingUser,
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<AllegationView> {
    await this.gate.open({ service: 'intake', dataSource: this.dataSource, caseId: id, user, request });
    const row = await this.dataSource.getRepository(AllegationEntity).findOneBy({ id });
    if (!row) throw new NotFoundException('No such case');
    response.setHeader('ETag', entityTagOf(row.version));
    const [victims, sources, acts] = await Promise.all([
      this.dataSource
        .getRepository(VictimRecordEntity)
        .find({ where: { caseId: id }, order: { position: 'ASC' } }),
      this.dataSource
        .getRepository(SourceRecordEntity)
        .find({ where: { caseId: id }, order: { position: 'ASC' } }),
      this.dataSource
        .getRepository(ActRecordEntity)
        .find({ where: { caseId: id }, order: { position: 'ASC' } }),
    ]);
    return {
      id: row.id,
      reference: row.reference,
      stateConcerned: row.stateConcerned,
      receivedVia: row.receivedVia,
      receivedOn: row.receivedOn,
      summary: row.summary,
      submissionLanguage: row.submissionLanguage,
      leadEntity: row.leadEntity,
      recordedAt: row.recordedAt.toISOString(),
      version: row.version,
      victims: victims.map(({ pseudonym, kind, profile, gender, ageGroup, organisationType }) => ({
        pseudonym,
        kind,
        profile,
        gender,
        ageGroup,
        organisationType,
      })),
      sources: sources.map(({ pseudonym, channel, receivedOn, relation, reliability }) => ({
        pseudonym,
        channel,
        receivedOn,
        relation,
        reliability,
      })),
      hasDetailedAccount: row.sealedAccount !== null,
      cooperation:
        row.cooperationMechanism && row.cooperationCategory
          ? {
              mechanism: row.cooperationMechanism,
              detail: row.cooperationDetail,
              category: row.cooperationCategory,
              date: row.cooperationDate,
            }
          : null,
      acts: acts.map(({ type, date, periodFrom, periodTo, country, online, perpetrator }) => ({
        type,
        date,
        periodFrom,
        periodTo,
        country,
        online,
        perpetrator,
      })),
    };
  }
}
