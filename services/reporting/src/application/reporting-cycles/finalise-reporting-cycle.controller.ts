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
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import { CaseIncludedInReport, createEvent } from '@reprisals/contracts';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ServiceMessaging } from '@reprisals/messaging';
import { serviceSchemaOf } from '@reprisals/persistence';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, UuidParamPipe, ZodValidationPipe } from '@reprisals/service-platform';
import type { CompiledReport } from '../../domain/report-compilation/report-compilation';
import {
  changesSince,
  contentHash,
  type ReportChanges,
} from '../../domain/report-compilation/report-version';
import { REPORTING_DATA_SOURCE } from '../../infrastructure/persistence/reporting-data-source';
import { ReportingCycleEntity } from '../../infrastructure/persistence/reporting-cycle.entity';
import { recordTimelineEntry } from '../project-case-timeline/timeline-entry.writer';
import { staleEntries } from './stale-entries.reader';

/** A version number as a path parameter: 1 and up, within PostgreSQL's integer. */
const versionParamSchema = z.coerce.number().int().min(1).max(2_147_483_647);

const finaliseSchema = z.strictObject({
  symbol: z
    .string()
    .regex(/^[A-Z][A-Z0-9./-]{1,39}$/, 'must be a UN document symbol such as A/HRC/57/60')
    .optional()
    .describe('The document symbol, if not given when the cycle was opened'),
});

/** A frozen version of a report: its content, that content's SHA-256, and what changed. */
export interface ReportVersionView {
  version: number;
  contentSha256: string;
  changes: ReportChanges;
  finalisedBy: { role: string; entity: string };
  finalisedAt: string;
  content?: unknown;
}

interface VersionRow {
  version: number;
  content: { cycle: unknown; draft: CompiledReport };
  content_sha256: string;
  changes: ReportChanges;
  finalised_by: { role: string; entity: string };
  finalised_at: Date;
}

const viewOf = (row: VersionRow, withContent: boolean): ReportVersionView => ({
  version: row.version,
  contentSha256: row.content_sha256,
  changes: row.changes,
  finalisedBy: row.finalised_by,
  finalisedAt: row.finalised_at.toISOString(),
  ...(withContent ? { content: row.content } : {}),
});

@ApiTags('reporting')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No such reporting cycle or version' })
@Controller('reporting/cycles')
export class FinaliseReportingCycleController {
  constructor(
    private readonly messaging: ServiceMessaging,
    @InjectDataSource(REPORTING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/finalise')
  @HttpCode(201)
  @RequirePermission('report:finalise')
  @ApiOperation({
    summary:
      'Freezes the compiled draft as a new version with the SHA-256 of its content and what changed since the last version; each case it includes gets CaseIncludedInReport (its timeline shows the report). A frozen version never changes: a correction is a new version.',
  })
  @ApiZodBody(finaliseSchema, { symbol: 'A/HRC/63/40' })
  @ApiConflictResponse({
    description: 'Not compiled, compiling, or nothing changed since the last version (`reason`)',
  })
  async finalise(
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodValidationPipe(finaliseSchema)) command: z.infer<typeof finaliseSchema>,
    @ActingAs('report:finalise') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<ReportVersionView> {
    const now = this.clock.now();
    return this.messaging.outbox.run(async (unit) => {
      const cycles = unit.manager.getRepository(ReportingCycleEntity);
      const cycle = await cycles.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!cycle) throw new NotFoundException('No such reporting cycle');
      if (cycle.jobState !== 'compiled' || !cycle.draft)
        throw conflict('not-compiled', 'Compile the cycle before finalising it');
      // Consent or protection may have changed since the compile: what is frozen must still be allowed.
      if ((await staleEntries(unit.manager, cycle.draft)).length > 0)
        throw conflict(
          'stale-draft',
          'Consent or protection changed since the compile: compile the cycle again',
        );
      const symbol = command.symbol ?? cycle.symbol;
      const [previous] = await versionsOf(unit.manager, id, 'DESC', 1);
      const content = {
        cycle: {
          kind: cycle.kind,
          periodFrom: cycle.periodFrom,
          periodTo: cycle.periodTo,
          cutOff: cycle.cutOff,
          symbol,
          policyVersion: cycle.policyVersion,
        },
        draft: cycle.draft,
      };
      const hash = contentHash(content);
      if (previous?.content_sha256 === hash)
        throw conflict('unchanged', `Version ${previous.version} already holds this content`);
      const version = (previous?.version ?? 0) + 1;
      const changes = changesSince(previous?.content.draft ?? null, cycle.draft);
      const schema = serviceSchemaOf(unit.manager.connection);
      await unit.manager.query(
        `INSERT INTO "${schema}"."report_version"
           ("cycle_id", "version", "content", "content_sha256", "changes", "finalised_by", "finalised_at")
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, version, content, hash, changes, { role: user.role, entity: user.entity }, now],
      );
      if (symbol !== cycle.symbol) await cycles.update({ id }, { symbol, updatedAt: now });
      for (const removed of changes.removed)
        await unit.manager.query(
          `DELETE FROM "${schema}"."report_inclusion" WHERE "case_id" = $1 AND "cycle_id" = $2`,
          [removed.caseId, id],
        );
      const actor = { kind: 'user' as const, sub: user.sub, role: user.role, entity: user.entity };
      for (const [annex, entries] of [
        ['I', cycle.draft.annexI],
        ['II', cycle.draft.annexII],
      ] as const)
        for (const entry of entries) {
          await unit.manager.query(
            `INSERT INTO "${schema}"."report_inclusion" ("case_id", "cycle_id", "version", "symbol", "annex")
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT ("case_id", "cycle_id") DO UPDATE SET "version" = $3, "symbol" = $4, "annex" = $5`,
            [entry.caseId, id, version, symbol, annex],
          );
          if (!changes.added.some((added) => added.caseId === entry.caseId)) continue;
          const event = createEvent(
            CaseIncludedInReport,
            {
              caseId: entry.caseId,
              cycleId: id,
              kind: cycle.kind,
              symbol,
              version,
              annex,
              anonymised: entry.anonymised,
            },
            { caseId: entry.caseId, actor, occurredAt: now, policyVersion: cycle.policyVersion },
          );
          unit.record(event);
          await recordTimelineEntry(unit.manager, event, now);
        }
      await this.audit.record(unit.manager, {
        ...actingUserAudit(user),
        ...requestAuditContext(request),
        action: user.permission,
        target: `reporting-cycle:${id}:v${version}`,
        outcome: 'allowed',
      });
      const [stored] = await versionsOf(unit.manager, id, 'DESC', 1);
      return viewOf(stored!, false);
    });
  }

  @Get(':id/versions')
  @RequirePermission('report:compile')
  @ApiOperation({ summary: 'The finalised versions of a cycle’s report: hash, what changed, who and when' })
  async versions(@Param('id', UuidParamPipe) id: string): Promise<{ versions: ReportVersionView[] }> {
    return {
      versions: (await versionsOf(this.dataSource.manager, id, 'ASC')).map((row) => viewOf(row, false)),
    };
  }

  @Get(':id/versions/:version')
  @RequirePermission('report:compile')
  @ApiOperation({ summary: 'One finalised version: its frozen content and the SHA-256 to check it against' })
  async version(
    @Param('id', UuidParamPipe) id: string,
    @Param('version', new ZodValidationPipe(versionParamSchema)) version: number,
  ): Promise<ReportVersionView> {
    const rows = await versionsOf(this.dataSource.manager, id, 'ASC');
    const row = rows.find((candidate) => candidate.version === version);
    if (!row) throw new NotFoundException('No such version of the report');
    return viewOf(row, true);
  }
}

async function versionsOf(
  manager: EntityManager,
  cycleId: string,
  order: 'ASC' | 'DESC',
  limit = 1000,
): Promise<VersionRow[]> {
  return manager.query<VersionRow[]>(
    `SELECT "version", "content", "content_sha256", "changes", "finalised_by", "finalised_at"
       FROM "${serviceSchemaOf(manager.connection)}"."report_version"
      WHERE "cycle_id" = $1 ORDER BY "version" ${order} LIMIT $2`,
    [cycleId, limit],
  );
}

const conflict = (reason: string, message: string) =>
  new ConflictException({ statusCode: 409, error: 'Conflict', message, reason });
