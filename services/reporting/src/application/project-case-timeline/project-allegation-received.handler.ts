import { Injectable } from '@nestjs/common';
import type { AllegationReceivedEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { mergeCaseOverview } from './case-overview.writer';
import { recordTimelineEntry } from './timeline-entry.writer';

@Injectable()
export class ProjectAllegationReceivedHandler implements EventHandler<AllegationReceivedEvent> {
  async handle(event: AllegationReceivedEvent, context: HandlerContext): Promise<void> {
    await recordTimelineEntry(context.manager, event, context.now);
    await mergeCaseOverview(
      context.manager,
      {
        caseId: event.data.caseId,
        reference: event.data.reference,
        stateConcerned: event.data.stateConcerned,
        leadEntity: event.data.leadEntity,
        receivedVia: event.data.receivedVia,
        receivedOn: event.data.receivedOn,
      },
      new Date(event.metadata.occurredAt),
    );
  }
}
