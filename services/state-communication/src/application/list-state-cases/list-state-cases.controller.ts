import { Controller, Get, Inject, Param } from '@nestjs/common';
import { whereVisibleTo } from '@reprisals/case-access';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { stateCodeSchema } from '@reprisals/contracts';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ZodValidationPipe } from '@reprisals/service-platform';
import { StateCaseFileEntity } from '../../infrastructure/persistence/state-case-file.entity';
import { STATE_COMMUNICATION_DATA_SOURCE } from '../../infrastructure/persistence/state-communication-data-source';

export interface StateCaseView {
  caseId: string;
  reference: string;
  leadEntity: string;
  communicationsSent: number;
  openedAt: string;
}

@ApiTags('state-communication')
@ApiBearerAuth()
@ApiProtectedRoute()
@Controller('state-communication/states')
export class ListStateCasesController {
  constructor(
    @InjectDataSource(STATE_COMMUNICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':stateCode/cases')
  @RequirePermission('case:read')
  @ApiOperation({
    summary:
      'Cases on the file of one State that the caller’s entity leads or holds a share of, oldest first',
  })
  async list(
    @Param('stateCode', new ZodValidationPipe(stateCodeSchema)) stateCode: string,
    @ActingAs('case:read') user: ActingUser,
  ): Promise<{ stateCode: string; cases: StateCaseView[] }> {
    // Only the cases the caller's entity leads or holds a share of: others are not theirs to know of.
    const rows = await whereVisibleTo(
      this.dataSource.getRepository(StateCaseFileEntity).createQueryBuilder('file'),
      'file',
      'caseId',
      user.entity,
      this.clock.now(),
    )
      .andWhere('file.stateConcerned = :stateCode', { stateCode })
      .orderBy('file.openedAt', 'ASC')
      .take(500)
      .getMany();
    return {
      stateCode,
      cases: rows.map((row) => ({
        caseId: row.caseId,
        reference: row.reference,
        leadEntity: row.leadEntity,
        communicationsSent: row.communicationsSent,
        openedAt: row.openedAt.toISOString(),
      })),
    };
  }
}
