import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { actingUserAudit, requestAuditContext } from '@reprisals/audit';
import { CaseAccessReader, seesFullCase, type CaseAccessView } from '@reprisals/case-access';
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
  /**
   * `full` for the identifying part of a case (identities, sources, detailed account,
   * attachments): only the lead and entities holding a full share read it; a summary share
   * is refused with 403, audited as `summary-share`.
   */
  scope?: 'summary' | 'full';
  /**
   * What the read is about within the case, for its audit record (an id, e.g. `attachment:<id>`);
   * by default the route.
   */
  target?: string;
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
    const refusal = !access.visible
      ? 'no-share'
      : read.scope === 'full' && !seesFullCase(access)
        ? 'summary-share'
        : undefined;
    await trail.recordNow({
      ...actingUserAudit(read.user),
      ...requestAuditContext(read.request),
      action: read.user.permission,
      caseId: read.caseId,
      target: read.target ?? `${read.request.method ?? 'GET'} ${routeOf(read.request)}`,
      outcome: refusal ? 'denied' : 'allowed',
      ...(refusal ? { reason: refusal } : {}),
    });
    if (refusal === 'no-share') throw new NotFoundException('No such case');
    if (refusal === 'summary-share') {
      throw new ForbiddenException('The share of this case with your entity covers its summary only');
    }
    return access;
  }
}

function routeOf(request: IncomingMessage): string {
  const route = (request as IncomingMessage & { route?: { path?: unknown } }).route?.path;
  return typeof route === 'string' ? route : '(unknown route)';
}
