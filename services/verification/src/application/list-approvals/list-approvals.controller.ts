import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { whereVisibleTo } from '@reprisals/case-access';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodQuery, ZodValidationPipe } from '@reprisals/service-platform';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { VerificationApprovalEntity } from '../../infrastructure/persistence/verification-approval.entity';
import { VerificationCaseEntity } from '../../infrastructure/persistence/verification-case.entity';
import { VERIFICATION_DATA_SOURCE } from '../../infrastructure/persistence/verification-data-source';

const listApprovalsQuerySchema = z.strictObject({
  status: z
    .enum(['pending', 'approved', 'rejected', 'cancelled'])
    .default('pending')
    .describe('pending (the default), approved, rejected or cancelled'),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('At most this many (1 to 500)'),
});
type ListApprovalsQuery = z.infer<typeof listApprovalsQuerySchema>;

export interface ApprovalSummary {
  /** The approval's id, as `approvals[].id` of the case and in /verification/approvals/{id}/approve. */
  id: string;
  caseId: string;
  reference: string;
  stateConcerned: string;
  subject: string;
  status: string;
  requestedAt: string;
  dueBy: string;
  overdue: boolean;
}

@ApiTags('verification: approvals')
@ApiBearerAuth()
@ApiProtectedRoute()
@Controller('verification/approvals')
export class ListApprovalsController {
  constructor(
    @InjectDataSource(VERIFICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @RequirePermission('response:approve')
  @ApiOperation({
    summary:
      'The approval requests of the cases the caller’s entity sees, oldest first; overdue ones are marked',
  })
  @ApiZodQuery(listApprovalsQuerySchema)
  async list(
    @Query(new ZodValidationPipe(listApprovalsQuerySchema)) query: ListApprovalsQuery,
    @ActingAs('response:approve') user: ActingUser,
  ): Promise<{ approvals: ApprovalSummary[] }> {
    const now = this.clock.now();
    const rows = await whereVisibleTo(
      this.dataSource.getRepository(VerificationApprovalEntity).createQueryBuilder('approval'),
      'approval',
      'caseId',
      user.entity,
      now,
    )
      .innerJoin(VerificationCaseEntity, 'vc', 'vc.caseId = approval.caseId')
      .select([
        'approval.approvalId AS "id"',
        'approval.caseId AS "caseId"',
        'vc.reference AS "reference"',
        'vc.stateConcerned AS "stateConcerned"',
        'approval.subject AS "subject"',
        'approval.status AS "status"',
        'approval.requestedAt AS "requestedAt"',
        'approval.dueBy AS "dueBy"',
      ])
      .andWhere('approval.status = :status', { status: query.status })
      .orderBy('approval.requestedAt', 'ASC')
      .limit(query.limit)
      .getRawMany<
        Omit<ApprovalSummary, 'requestedAt' | 'dueBy' | 'overdue'> & { requestedAt: Date; dueBy: Date }
      >();
    return {
      approvals: rows.map((row) => ({
        ...row,
        requestedAt: row.requestedAt.toISOString(),
        dueBy: row.dueBy.toISOString(),
        overdue: row.status === 'pending' && row.dueBy <= now,
      })),
    };
  }
}
