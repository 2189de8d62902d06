import { Controller, Get, NotFoundException, Param, Req } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, CaseReadGate, UuidParamPipe } from '@reprisals/service-platform';
import { VerificationCaseEntity } from '../../infrastructure/persistence/verification-case.entity';
import { VERIFICATION_DATA_SOURCE } from '../../infrastructure/persistence/verification-data-source';

export interface VerificationCaseView {
  caseId: string;
  reference: string;
  stateConcerned: string;
  leadEntity: string;
  stage: string;
  protocolVersion: string;
  openedAt: string;
}

@ApiTags('verification')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one led by another entity' })
@Controller('verification/cases')
export class GetVerificationCaseController {
  constructor(
    @InjectDataSource(VERIFICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: CaseReadGate,
  ) {}

  @Get(':id')
  @RequirePermission('case:read')
  @ApiOperation({ summary: 'Where the case stands in the response protocol, and under which version' })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @ActingAs('case:read') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<VerificationCaseView> {
    await this.gate.open({ service: 'verification', dataSource: this.dataSource, caseId: id, user, request });
    const row = await this.dataSource.getRepository(VerificationCaseEntity).findOneBy({ caseId: id });
    if (!row) throw new NotFoundException('No such case');
    return {
      caseId: row.caseId,
      reference: row.reference,
      stateConcerned: row.stateConcerned,
      leadEntity: row.leadEntity,
      stage: row.stage,
      protocolVersion: row.protocolVersion,
      openedAt: row.openedAt.toISOString(),
    };
  }
}
