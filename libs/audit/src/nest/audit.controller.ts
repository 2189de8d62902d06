import { Controller, Get, Inject, NotFoundException, Query, Req, type Type } from '@nestjs/common';
import { CaseAccessReader } from '@reprisals/case-access';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { actingUserAudit } from '../entry/audit-actor';
import { DEFAULT_AUDIT_LIST_LIMIT } from '../records/audit-record.reader';
import type { AuditExport } from '../export/audit-export';
import type { AuditRecordView } from '../records/audit-record.view';
import { AuditTrail } from '../trail/audit-trail';
import { parseAuditQuery } from './audit-query.schema';
import { requestAuditContext } from './request-audit-context';

export interface AuditListResponse {
  records: AuditRecordView[];
  /** Pass as `after` to read the next page; absent on the last page. */
  next?: string;
}

/**
 * `GET /<service>/audit?caseId=&actor=&from=&to=&after=&limit=` for auditors. Reading the audit
 * is itself audited: the read is recorded before any record leaves.
 */
export function auditControllerFor(service: string): Type<unknown> {
  @ApiTags(`${service}: audit`)
  @ApiBearerAuth()
  @Controller(`${service}/audit`)
  class AuditController {
    private readonly caseAccess = new CaseAccessReader();

    constructor(
      private readonly trail: AuditTrail,
      @Inject(CLOCK) private readonly clock: Clock,
    ) {}

    @Get()
    @RequirePermission('audit:read')
    @ApiOperation({ summary: `The audit records of ${service}, in the order they were recorded` })
    @ApiQuery({ name: 'caseId', required: false, description: 'Only this case' })
    @ApiQuery({ name: 'actor', required: false, description: 'Only this account (token subject)' })
    @ApiQuery({ name: 'from', required: false, description: 'From this date or instant' })
    @ApiQuery({ name: 'to', required: false, description: 'Through this date, or before this instant' })
    @ApiQuery({ name: 'after', required: false, description: 'The seq where the previous page ended' })
    @ApiQuery({ name: 'limit', required: false, description: 'At most this many records (1 to 1000)' })
    @ApiOkResponse({ description: 'The records, oldest first' })
    async list(
      @Query() query: unknown,
      @ActingAs('audit:read') user: ActingUser,
      @Req() request: IncomingMessage,
    ): Promise<AuditListResponse> {
      const filter = parseAuditQuery(query);
      const now = this.clock.now();
      // Need to know holds for auditors too: a case their entity does not see is answered as absent.
      const hidden =
        filter.caseId !== undefined &&
        !(await this.caseAccess.accessOf(this.trail.dataSource, filter.caseId, user.entity, now)).visible;
      await this.trail.recordNow({
        ...actingUserAudit(user),
        ...requestAuditContext(request),
        action: 'audit:read',
        ...(filter.caseId ? { caseId: filter.caseId } : {}),
        target: `GET /${service}/audit`,
        outcome: hidden ? 'denied' : 'allowed',
        ...(hidden ? { reason: 'no-share' } : {}),
      });
      if (hidden) throw new NotFoundException('No such case');
      const limit = filter.limit ?? DEFAULT_AUDIT_LIST_LIMIT;
      const records = await this.trail.list({ ...filter, limit, visibleTo: { entity: user.entity, now } });
      const last = records[records.length - 1];
      return { records, ...(last && records.length === limit ? { next: last.seq } : {}) };
    }

    @Get('export')
    @RequirePermission('audit:read')
    @ApiOperation({
      summary: `The whole audit chain of ${service} with its signed checkpoints and public keys, verifiable offline`,
    })
    @ApiOkResponse({
      description: 'A self-contained document; verify it with verifyExport and the trusted keys',
    })
    async export(
      @ActingAs('audit:read') user: ActingUser,
      @Req() request: IncomingMessage,
    ): Promise<AuditExport> {
      await this.trail.recordNow({
        ...actingUserAudit(user),
        ...requestAuditContext(request),
        action: 'audit:read',
        target: `GET /${service}/audit/export`,
        outcome: 'allowed',
      });
      return this.trail.exportChain();
    }
  }
  Object.defineProperty(AuditController, 'name', { value: `${pascal(service)}AuditController` });
  return AuditController;
}

function pascal(value: string): string {
  return value.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}
