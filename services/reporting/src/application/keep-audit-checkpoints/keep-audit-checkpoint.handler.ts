import { Injectable } from '@nestjs/common';
import type { AuditCheckpointSignedEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { AuditCheckpointCopyEntity } from '../../infrastructure/persistence/audit-checkpoint-copy.entity';

/** Keeps every service's signed audit checkpoints: `npm run audit:verify` checks each chain against them. */
@Injectable()
export class KeepAuditCheckpointHandler implements EventHandler<AuditCheckpointSignedEvent> {
  async handle(event: AuditCheckpointSignedEvent, context: HandlerContext): Promise<void> {
    await context.manager
      .createQueryBuilder()
      .insert()
      .into(AuditCheckpointCopyEntity)
      .values({ ...event.data, createdAt: new Date(event.data.createdAt) })
      .orIgnore()
      .execute();
  }
}
