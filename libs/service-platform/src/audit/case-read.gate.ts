import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { actingUserAudit, requestAuditContext } from '@reprisals/audit';
import { CaseAccessReader, type CaseAccessView } from '@reprisals/case-access';
import { CLOCK, type Clock } from '@reprisals/kernel';
import type { ActingUser } from '@reprisals/security';
import { AuditTrailRegistry } from './audit-trail.registry';

export interface CaseReadRequest {
  /** The service answering: its own projection decides, its own audit trail records. */
  service: string;
  dataSource: DataSource;
  caseId: string;
  user: ActingUser;
  request: IncomingMessage;
}

/**
 * The one door to a case's data: the caller's entity must lead the case or hold an accepted,
 * unexpired share of it, by this service's own projection. The read is audited before anything
 * leaves; a refusal is audited too and answered 404, since a case's existence is itself
 * confidential.
 */
@Injectable()
export class CaseReadGate {
  private readonly reader = new CaseAccessReader();

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly trails: AuditTrailRegistry,
  ) {}

  async open(read: CaseReadRequest): Promise<CaseAccessView> {
    const access = await this.reader.accessOf(
      read.dataSource,
      read.caseId,
      read.user.entity,
      this.clock.now(),
    );
    const trail = this.trails.of(read.service);
    if (!trail) throw new Error(`No audit trail for ${read.service}`);
    await trail.recordNow({
      ...actingUserAudit(read.user),
      ...requestAuditContext(read.request),
      action: read.user.permission,
      caseId: read.caseId,
      target: `${read.request.method ?? 'GET'} ${routeOf(read.request)}`,
      outcome: access.visible ? 'allowed' : 'denied',
      ...(access.visible ? {} : { reason: 'no-share' }),
    });
    if (!access.visible) throw new NotFoundException('No such case');
    return access;
  }
}

function routeOf(request: IncomingMessage): string {
  const route = (request as IncomingMessage & { route?: { path?: unknown } }).route?.path;
  return typeof route === 'string' ? route : '(unknown route)';
}
