import { Injectable } from '@nestjs/common';
import type { AuditRecordedEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { CaseAuditEntryEntity } from '../../infrastructure/persistence/case-audit-entry.entity';

/** Keeps a copy of every service's audit records about a case, for the audit read across services. */
@Injectable()
export class ProjectAuditRecordedHandler implements EventHandler<AuditRecordedEvent> {
  async handle(event: AuditRecordedEvent, context: HandlerContext): Promise<void> {
    const { data } = event;
    await context.manager
      .createQueryBuilder()
      .insert()
      .into(CaseAuditEntryEntity)
      .values({ ...data, recordedAt: new Date(data.recordedAt) })
      .orIgnore()
      .execute();
  }
}
