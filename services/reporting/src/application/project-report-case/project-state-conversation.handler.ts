import { Injectable } from '@nestjs/common';
import type { CommunicationSentEvent, DeadlineMissedEvent, ReplyReceivedEvent } from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import type { ReportCaseChange } from '../../domain/report-case/report-case';
import {
  communicationSent,
  deadlineMissed,
  replyReceived,
} from '../../domain/report-case/state-conversation';
import { mergeReportCase } from './report-case.writer';

export type StateConversationEvent = CommunicationSentEvent | ReplyReceivedEvent | DeadlineMissedEvent;

/** The conversation with the State about the case, into its statistics row: ids, types and dates. */
@Injectable()
export class ProjectStateConversationHandler implements EventHandler<StateConversationEvent> {
  async handle(event: StateConversationEvent, context: HandlerContext): Promise<void> {
    await mergeReportCase(context.manager, event.data.caseId, changeOf(event), event.metadata.occurredAt);
  }
}

function changeOf(event: StateConversationEvent): ReportCaseChange {
  switch (event.type) {
    case 'CommunicationSent':
      return communicationSent(event.data);
    case 'ReplyReceived':
      return replyReceived(event.data);
    case 'DeadlineMissed':
      return deadlineMissed(event.data);
  }
}
