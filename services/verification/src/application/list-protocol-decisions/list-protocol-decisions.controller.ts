import { Controller, Get, Param, Req } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, CaseReadGate, UuidParamPipe } from '@reprisals/service-platform';
import { ProtocolDecisionEntity } from '../../infrastructure/persistence/protocol-decision.entity';
import { VERIFICATION_DATA_SOURCE } from '../../infrastructure/persistence/verification-data-source';

export interface ProtocolDecisionView {
  step: string;
  fromStage: string;
  toStage: string;
  /** The version of the protocol whose rules allowed the decision. */
  policyVersion: string;
  outcome: string | null;
  subjectId: string | null;
  actor: { kind: 'user' | 'system'; role: string | null; entity: string | null };
  eventIds: string[];
  decidedAt: string;
}

@ApiTags('verification')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such case, or one the caller’s entity does not see' })
@Controller('verification/cases')
export class ListProtocolDecisionsController {
  constructor(
    @InjectDataSource(VERIFICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly gate: CaseReadGate,
  ) {}

  @Get(':id/decisions')
  @RequirePermission('case:read')
  @ApiOperation({
    summary:
      'Every decision taken on the case, in order, with the step, the stages, who took it (role and entity) and the protocol version whose rules allowed it',
  })
  async list(
    @Param('id', UuidParamPipe) id: string,
    @ActingAs('case:read') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<{ decisions: ProtocolDecisionView[] }> {
    await this.gate.open({ service: 'verification', dataSource: this.dataSource, caseId: id, user, request });
    const rows = await this.dataSource
      .getRepository(ProtocolDecisionEntity)
      .find({ where: { caseId: id }, order: { id: 'ASC' } });
    return {
      decisions: rows.map((row) => ({
        step: row.step,
        fromStage: row.fromStage,
        toStage: row.toStage,
        policyVersion: row.policyVersion,
        outcome: row.outcome,
        subjectId: row.subjectId,
        actor: { kind: row.actorKind, role: row.actorRole, entity: row.actorEntity },
        eventIds: row.eventIds,
        decidedAt: row.decidedAt.toISOString(),
      })),
    };
  }
}
