import { Injectable } from '@nestjs/common';
import type { IntegrationEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import { recordTimelineEntry } from './timeline-entry.writer';

/**
 * A step of the response protocol (screening, risk, conclusion, actions, approvals, escalation,
 * closing, a version adopted) or of the conversation with the State (drafts, dispatches,
 * reminders, replies, missed deadlines): the case's timeline gets it, with the version of the
 * rules that applied. Idempotent: a redelivery changes nothing.
 */
@Injectable()
export class ProjectProtocolStepHandler implements EventHandler {
  async handle(event: IntegrationEvent, context: HandlerContext): Promise<void> {
    await recordTimelineEntry(context.manager, event, context.now);
  }
}
