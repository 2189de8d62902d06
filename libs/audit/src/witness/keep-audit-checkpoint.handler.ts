import type { AuditCheckpointSignedEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { AuditCheckpointCopyEntity } from './audit-checkpoint-copy.entity';

/**
 * Keeps a copy of each signed checkpoint of the chains this service witnesses, once (a redelivered
 * checkpoint changes nothing): `npm run audit:verify` checks each chain against the copies.
 */
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
