import { Injectable } from '@nestjs/common';
import type {
  CaseClosedEvent,
  CaseScreenedEvent,
  ResponseActionApprovedEvent,
  ResponseActionCancelledEvent,
  ResponseActionCompletedEvent,
  ResponseActionDecidedEvent,
  RiskAssessedEvent,
  VerificationConcludedEvent,
} from '@reprisals/contracts';
import type { EventHandler, HandlerContext } from '@reprisals/messaging';
import {
  caseClosed,
  caseScreened,
  responseActionReported,
  riskAssessed,
  verificationConcluded,
} from '../../domain/report-case/protocol-outcome';
import { reachingStage, type ReportCaseChange } from '../../domain/report-case/report-case';
import { mergeReportCase } from './report-case.writer';

export type ProtocolOutcomeEvent =
  | CaseScreenedEvent
  | RiskAssessedEvent
  | VerificationConcludedEvent
  | ResponseActionApprovedEvent
  | ResponseActionDecidedEvent
  | ResponseActionCancelledEvent
  | ResponseActionCompletedEvent
  | CaseClosedEvent;

/** The outcomes of the response protocol, into the case's statistics row: codes only. */
@Injectable()
export class ProjectProtocolOutcomeHandler implements EventHandler<ProtocolOutcomeEvent> {
  async handle(event: ProtocolOutcomeEvent, context: HandlerContext): Promise<void> {
    await mergeReportCase(context.manager, event.data.caseId, changeOf(event), event.metadata.occurredAt);
  }
}

function changeOf(event: ProtocolOutcomeEvent): ReportCaseChange {
  switch (event.type) {
    case 'CaseScreened':
      return reachingStage(caseScreened(event.data), event.data.stage);
    case 'RiskAssessed':
      return reachingStage(riskAssessed(event.data), event.data.stage);
    case 'VerificationConcluded':
      return reachingStage(verificationConcluded(event.data), event.data.stage);
    case 'ResponseActionApproved':
      return responseActionReported({ id: event.data.responseActionId, status: 'approved' });
    case 'ResponseActionDecided':
      return reachingStage(
        responseActionReported({
          id: event.data.responseActionId,
          type: event.data.actionType,
          status: 'decided',
        }),
        event.data.stage,
      );
    case 'ResponseActionCancelled':
      return responseActionReported({ id: event.data.responseActionId, status: 'cancelled' });
    case 'ResponseActionCompleted':
      return responseActionReported({ id: event.data.responseActionId, status: 'completed' });
    case 'CaseClosed':
      return reachingStage(caseClosed(), 'closed');
  }
}
