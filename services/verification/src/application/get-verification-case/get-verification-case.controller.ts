import { Controller, Get, NotFoundException, Param, Req } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, CaseReadGate, UuidParamPipe } from '@reprisals/service-platform';
import { VERIFICATION_DATA_SOURCE } from '../../infrastructure/persistence/verification-data-source';
import { VerificationCaseReader } from '../verification-case.reader';
import { withoutWrittenReasons, type VerificationCaseView } from '../verification-case.view';
import { seesFullCase } from '@reprisals/case-access';

@ApiTags('verification')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one led by another entity' })
@Controller('verification/cases')
export class GetVerificationCaseController {
  constructor(
    @InjectDataSource(VERIFICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: CaseReadGate,
    private readonly reader: VerificationCaseReader,
  ) {}

  @Get(':id')
  @RequirePermission('case:read')
  @ApiOperation({
    summary:
      'Where the case stands in the response protocol: stage, track, risk, scope, verification outcome, actions, approvals, escalation, timers and the protocol version it runs under',
  })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @ActingAs('case:read') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<VerificationCaseView> {
    const access = await this.gate.open({
      service: 'verification',
      dataSource: this.dataSource,
      caseId: id,
      user,
      request,
    });
    const view = await this.reader.read(id);
    if (!view) throw new NotFoundException('No such case');
    return seesFullCase(access) ? view : withoutWrittenReasons(view);
  }
}
