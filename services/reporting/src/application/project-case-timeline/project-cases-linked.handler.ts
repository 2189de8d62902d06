import { Injectable } from '@nestjs/common';
import type { CasesLinkedEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { CaseLinkEntity } from '../../infrastructure/persistence/case-link.entity';
import { recordTimelineEntry } from './timeline-entry.writer';

/**
 * A case was linked to another (intake sends one CasesLinked per case): its timeline gets the
 * step, and the step names the other case by id. Idempotent: a redelivery changes nothing.
 */
@Injectable()
export class ProjectCasesLinkedHandler implements EventHandler<CasesLinkedEvent> {
  async handle(event: CasesLinkedEvent, context: HandlerContext): Promise<void> {
    await recordTimelineEntry(context.manager, event, context.now);
    await context.manager
      .createQueryBuilder()
      .insert()
      .into(CaseLinkEntity)
      .values({
        eventId: event.metadata.eventId,
        caseId: event.data.caseId,
        linkedCaseId: event.data.otherCaseId,
        linkId: event.data.linkId,
        recordedAt: context.now,
      })
      .orIgnore()
      .execute();
  }
}
