import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import {
  ApiProtectedRoute,
  ApiZodBody,
  ApiZodQuery,
  UuidParamPipe,
  ZodValidationPipe,
} from '@reprisals/service-platform';
import { REPORTING_DATA_SOURCE } from '../../infrastructure/persistence/reporting-data-source';
import { ReportingCycleEntity } from '../../infrastructure/persistence/reporting-cycle.entity';
import { ReportingPolicies } from '../../infrastructure/policy/reporting-policies';
import { openReportingCycleSchema, type OpenReportingCycleCommand } from './open-reporting-cycle.command';
import { claimCyclePeriod } from './cycle-period';
import { ReportingCycleCompiler } from './reporting-cycle.compiler';
import { reportingCycleView, type ReportingCycleView } from './reporting-cycle.view';

const noBodySchema = z.strictObject({});
const listCyclesQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('At most this many (1 to 100)'),
});

@ApiTags('reporting')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such reporting cycle' })
@Controller('reporting/cycles')
export class ReportingCyclesController {
  constructor(
    @InjectDataSource(REPORTING_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly policies: ReportingPolicies,
    private readonly compiler: ReportingCycleCompiler,
    private readonly audit: AuditTrail,
  ) {}

  private auditEntry(user: ActingUser, request: IncomingMessage, target: string) {
    return {
      ...actingUserAudit(user),
      ...requestAuditContext(request),
      action: user.permission,
      target,
      outcome: 'allowed' as const,
    };
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('report:compile')
  @ApiOperation({
    summary:
      "Opens a reporting cycle: the Secretary-General's annual report (its period by the rules unless given), an HRC President's briefing or a custom period, compiled under the rules in force",
  })
  @ApiZodBody(openReportingCycleSchema, { kind: 'sg-annual-report', symbol: 'A/HRC/57/60' })
  @ApiConflictResponse({
    description: 'An annual report or a briefing covers a day of the period already (`reason`: period-taken)',
  })
  async open(
    @Body(new ZodValidationPipe(openReportingCycleSchema)) command: OpenReportingCycleCommand,
    @ActingAs('report:compile') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<ReportingCycleView> {
    const now = this.clock.now();
    const policy = this.policies.inForce(now);
    const annual = policy.annualCycleOf(now.toISOString().slice(0, 10));
    const row: ReportingCycleEntity = {
      id: randomUUID(),
      kind: command.kind,
      periodFrom: command.periodFrom ?? annual.periodFrom,
      periodTo: command.periodTo ?? annual.periodTo,
      cutOff: command.cutOff ?? command.periodTo ?? annual.cutOff,
      symbol: command.symbol ?? null,
      policyVersion: policy.version,
      jobState: 'not-compiled',
      percentDone: 0,
      draft: null,
      compiledAt: null,
      openedBy: { role: user.role, entity: user.entity },
      openedAt: now,
      updatedAt: now,
    };
    await this.dataSource.transaction(async (manager) => {
      Object.assign(
        row,
        await claimCyclePeriod(manager, command.kind, {
          // A briefing without its first day follows the last briefing.
          periodFrom: command.kind === 'hrc-president-briefing' ? command.periodFrom : row.periodFrom,
          periodTo: row.periodTo,
        }),
      );
      await manager.getRepository(ReportingCycleEntity).insert(row);
      await this.audit.record(manager, this.auditEntry(user, request, `reporting-cycle:${row.id}:opened`));
    });
    return reportingCycleView(row, true);
  }

  @Get()
  @RequirePermission('report:compile')
  @ApiOperation({ summary: 'Reporting cycles, latest period first, with their compile job and counts' })
  @ApiZodQuery(listCyclesQuerySchema)
  async list(
    @Query(new ZodValidationPipe(listCyclesQuerySchema)) query: z.infer<typeof listCyclesQuerySchema>,
  ): Promise<{ cycles: ReportingCycleView[] }> {
    const rows = await this.dataSource
      .getRepository(ReportingCycleEntity)
      .find({ order: { periodTo: 'DESC', openedAt: 'DESC' }, take: query.limit });
    return { cycles: rows.map((row) => reportingCycleView(row, false)) };
  }

  @Get(':id')
  @RequirePermission('report:compile')
  @ApiOperation({
    summary:
      "One cycle: its compile job's state and percent done, and its last draft (annex I, annex II, and every exclusion with its reason)",
  })
  async get(@Param('id', UuidParamPipe) id: string): Promise<ReportingCycleView> {
    const row = await this.dataSource.getRepository(ReportingCycleEntity).findOneBy({ id });
    if (!row) throw new NotFoundException('No such reporting cycle');
    return reportingCycleView(row, true);
  }

  @Post(':id/compile')
  @HttpCode(202)
  @RequirePermission('report:compile')
  @ApiOperation({
    summary:
      'Compiles the draft again from what reporting knows now (a consent withdrawn or a flag raised since removes an entry); follow the job with GET /reporting/cycles/:id',
  })
  @ApiZodBody(noBodySchema, {})
  @ApiConflictResponse({ description: 'The cycle is compiling already' })
  async compile(
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodValidationPipe(noBodySchema)) _body: Record<string, never>,
    @ActingAs('report:compile') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<ReportingCycleView> {
    const row = await this.dataSource.getRepository(ReportingCycleEntity).findOneBy({ id });
    if (!row) throw new NotFoundException('No such reporting cycle');
    if (!(await this.compiler.start(id)))
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: 'The cycle is compiling already',
        reason: 'compiling',
      });
    await this.audit.recordNow(this.auditEntry(user, request, `reporting-cycle:${id}:compile`));
    const started = await this.dataSource.getRepository(ReportingCycleEntity).findOneByOrFail({ id });
    return reportingCycleView(started, false);
  }
}
