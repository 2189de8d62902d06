import { Injectable, type OnModuleInit } from '@nestjs/common';
import { auditWitnessSubscriptions } from '@reprisals/audit';
import {
  AllegationReceived,
  AuditRecorded,
  CasesLinked,
  CaseIncludedInReport,
  CASE_COMMUNICATION_EVENTS,
  VERIFICATION_PROTOCOL_EVENTS,
  VerificationCaseOpened,
  AllegationChanged,
  LeadTransferred,
  PersonalDataErased,
  CaseScreened,
  RiskAssessed,
  VerificationConcluded,
  ResponseActionApproved,
  ResponseActionDecided,
  ResponseActionCancelled,
  ResponseActionCompleted,
  CaseClosed,
  CommunicationSent,
  ReplyReceived,
  DeadlineMissed,
} from '@reprisals/contracts';
import { caseAccessSubscriptions } from '@reprisals/case-access';
import { ServiceMessaging, subscribe } from '@reprisals/messaging';
import { ProjectAuditRecordedHandler } from './application/project-case-audit/project-audit-recorded.handler';
import { ProjectAllegationReceivedHandler } from './application/project-case-timeline/project-allegation-received.handler';
import { ProjectVerificationCaseOpenedHandler } from './application/project-case-timeline/project-verification-case-opened.handler';
import { ProjectCasesLinkedHandler } from './application/project-case-timeline/project-cases-linked.handler';
import { ProjectProtocolStepHandler } from './application/project-case-timeline/project-protocol-step.handler';
import { ProjectAllegationFactsHandler } from './application/project-report-case/project-allegation-facts.handler';
import { ProjectProtocolOutcomeHandler } from './application/project-report-case/project-protocol-outcome.handler';
import { ProjectStateConversationHandler } from './application/project-report-case/project-state-conversation.handler';

/** Every event reporting projects is registered here, and only here. */
@Injectable()
export class ReportingSubscriptions implements OnModuleInit {
  constructor(
    private readonly messaging: ServiceMessaging,
    private readonly allegationReceived: ProjectAllegationReceivedHandler,
    private readonly verificationCaseOpened: ProjectVerificationCaseOpenedHandler,
    private readonly auditRecorded: ProjectAuditRecordedHandler,
    private readonly casesLinked: ProjectCasesLinkedHandler,
    private readonly protocolStep: ProjectProtocolStepHandler,
    private readonly allegationFacts: ProjectAllegationFactsHandler,
    private readonly protocolOutcome: ProjectProtocolOutcomeHandler,
    private readonly stateConversation: ProjectStateConversationHandler,
  ) {}

  onModuleInit(): void {
    this.messaging.consumer.register(
      subscribe('project-allegation-received', AllegationReceived, this.allegationReceived),
      subscribe('project-verification-case-opened', VerificationCaseOpened, this.verificationCaseOpened),
      // Linked cases show each other in their timelines (by id and reference only).
      subscribe('project-cases-linked', CasesLinked, this.casesLinked),
      // Every step of the response protocol, with the version of the rules that allowed it.
      ...VERIFICATION_PROTOCOL_EVENTS.map((definition) =>
        subscribe(
          `project-protocol-step-${definition.wireType.split('.').at(-1)}`,
          definition,
          this.protocolStep,
        ),
      ),
      // The conversation with the State: drafts, approvals, dispatches, reminders, replies, silences.
      ...CASE_COMMUNICATION_EVENTS.map((definition) =>
        subscribe(
          `project-communication-${definition.wireType.split('.').at(-1)}`,
          definition,
          this.protocolStep,
        ),
      ),
      // A finalised report includes the case: finalising writes the step itself, and this keeps it
      // in a timeline rebuilt from the events (the same event id: written once).
      subscribe('project-case-included-in-report', CaseIncludedInReport, this.protocolStep),
      // The audit of each case, as every service recorded it.
      ...Object.values(AuditRecorded).map((definition) =>
        subscribe(`project-audit-recorded-${definition.producer}`, definition, this.auditRecorded),
      ),
      // The other services' signed audit checkpoints, held here as a witness (intake witnesses ours).
      ...auditWitnessSubscriptions({
        witness: 'reporting',
        of: ['intake', 'verification', 'state-communication'],
      }),
      // Who may see the case: the lead entity and the entities it is shared with.
      ...caseAccessSubscriptions(),
      // Each case as statistics count it (report_case): categories, outcomes and counts, no identities.
      subscribe('report-case-allegation-received', AllegationReceived, this.allegationFacts),
      subscribe('report-case-allegation-changed', AllegationChanged, this.allegationFacts),
      subscribe('report-case-lead-transferred', LeadTransferred, this.allegationFacts),
      subscribe('report-case-personal-data-erased', PersonalDataErased, this.allegationFacts),
      subscribe('report-case-case-screened', CaseScreened, this.protocolOutcome),
      subscribe('report-case-risk-assessed', RiskAssessed, this.protocolOutcome),
      subscribe('report-case-verification-concluded', VerificationConcluded, this.protocolOutcome),
      subscribe('report-case-response-action-approved', ResponseActionApproved, this.protocolOutcome),
      subscribe('report-case-response-action-decided', ResponseActionDecided, this.protocolOutcome),
      subscribe('report-case-response-action-cancelled', ResponseActionCancelled, this.protocolOutcome),
      subscribe('report-case-response-action-completed', ResponseActionCompleted, this.protocolOutcome),
      subscribe('report-case-case-closed', CaseClosed, this.protocolOutcome),
      subscribe('report-case-communication-sent', CommunicationSent, this.stateConversation),
      subscribe('report-case-reply-received', ReplyReceived, this.stateConversation),
      subscribe('report-case-deadline-missed', DeadlineMissed, this.stateConversation),
    );
  }
}
