import { Injectable } from '@nestjs/common';
import type {
  AllegationChangedEvent,
  AllegationReceivedEvent,
  LeadTransferredEvent,
  PersonalDataErasedEvent,
} from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import {
  allegationChanged,
  allegationReceived,
  leadTransferred,
  personalDataErased,
} from '../../domain/report-case/allegation-facts';
import type { ReportCaseChange } from '../../domain/report-case/report-case';
import { mergeReportCase } from './report-case.writer';

export type AllegationFactsEvent =
  AllegationReceivedEvent | AllegationChangedEvent | LeadTransferredEvent | PersonalDataErasedEvent;

/** What intake tells of an allegation, into its case's statistics row: categories, never identities. */
@Injectable()
export class ProjectAllegationFactsHandler implements EventHandler<AllegationFactsEvent> {
  async handle(event: AllegationFactsEvent, context: HandlerContext): Promise<void> {
    await mergeReportCase(context.manager, event.data.caseId, changeOf(event), event.metadata.occurredAt);
  }
}

function changeOf(event: AllegationFactsEvent): ReportCaseChange {
  switch (event.type) {
    case 'AllegationReceived':
      return allegationReceived(event.data);
    case 'AllegationChanged':
      return allegationChanged(event.data);
    case 'LeadTransferred':
      return leadTransferred(event.data);
    case 'PersonalDataErased':
      return personalDataErased();
  }
}
