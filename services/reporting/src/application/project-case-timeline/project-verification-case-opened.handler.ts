import { Injectable } from '@nestjs/common';
import type { VerificationCaseOpenedEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { mergeCaseOverview } from './case-overview.writer';
import { recordTimelineEntry } from './timeline-entry.writer';

@Injectable()
export class ProjectVerificationCaseOpenedHandler implements EventHandler<VerificationCaseOpenedEvent> {
  async handle(event: VerificationCaseOpenedEvent, context: HandlerContext): Promise<void> {
    await recordTimelineEntry(context.manager, event, context.now);
    await mergeCaseOverview(
      context.manager,
      {
        caseId: event.data.caseId,
        reference: event.data.reference,
        stateConcerned: event.data.stateConcerned,
        leadEntity: event.data.leadEntity,
        stage: event.data.stage,
        protocolVersion: event.data.protocolVersion,
      },
      new Date(event.metadata.occurredAt),
    );
  }
}
