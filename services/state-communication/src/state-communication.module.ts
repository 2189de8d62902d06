import { Module, type DynamicModule } from '@nestjs/common';
import { AssessReplyController } from './application/assess-reply/assess-reply.controller';
import { ReadMissionCommunicationsController } from './application/permanent-mission/read-mission-communications.controller';
import { ReplyAsMissionController } from './application/permanent-mission/reply-as-mission.controller';
import { CallForInputRunner } from './application/calls-for-input/call-for-input.runner';
import { DecideCallForInputController } from './application/calls-for-input/decide-call-for-input.controller';
import { OpenCallForInputController } from './application/calls-for-input/open-call-for-input.controller';
import { ReadCallsForInputController } from './application/calls-for-input/read-calls-for-input.controller';
import { serviceInfrastructure, type ServiceModuleOptions } from '@reprisals/service-platform';
import { ListStateCasesController } from './application/list-state-cases/list-state-cases.controller';
import { OpenStateFileOnAllegationReceivedHandler } from './application/open-state-file-on-allegation-received/open-state-file-on-allegation-received.handler';
import {
  STATE_COMMUNICATION_ENTITIES,
  STATE_COMMUNICATION_MIGRATIONS,
  STATE_COMMUNICATION_SCHEMA,
} from './infrastructure/persistence/state-communication-data-source';
import { StateCommunicationSubscriptions } from './state-communication.subscriptions';
import { CommunicationOutcomeWriter } from './application/communication-steps/communication-outcome.writer';
import { CommunicationStepRunner } from './application/communication-steps/communication-step.runner';
import { DecideCommunicationController } from './application/decide-communication/decide-communication.controller';
import { CommunicationDrafter } from './application/draft-communication/communication.drafter';
import { DraftCommunicationController } from './application/draft-communication/draft-communication.controller';
import { DraftOnResponseActionDecidedHandler } from './application/react-to-other-services/draft-on-response-action-decided.handler';
import { StopUnsentCommunicationsHandler } from './application/react-to-other-services/stop-unsent-communications.handler';
import { ReadCommunicationsController } from './application/read-communications/read-communications.controller';
import { RecordReplyController } from './application/record-reply/record-reply.controller';
import { AddReplyDocumentController } from './application/reply-documents/add-reply-document.controller';
import { AddReplyDocumentHandler } from './application/reply-documents/add-reply-document.handler';
import { DownloadReplyDocumentController } from './application/reply-documents/download-reply-document.controller';
import { EraseReplyDocumentsOnPersonalDataErasedHandler } from './application/reply-documents/erase-reply-documents-on-personal-data-erased.handler';
import { ListReplyDocumentsController } from './application/reply-documents/list-reply-documents.controller';
import { ReplyDocumentsReadGate } from './application/reply-documents/reply-documents-read.gate';
import { ReplyDocumentReader } from './infrastructure/reply-documents/reply-document.reader';
import { replyDocumentStorageProviders } from './infrastructure/reply-documents/reply-document-storage.providers';
import { identityVaultProvider } from './infrastructure/vault/identity-vault.provider';
import { ReadMetricsController } from './application/read-metrics/read-metrics.controller';
import { ChangeMissionContactController } from './application/mission-directory/change-mission-contact/change-mission-contact.controller';
import { ReadMissionDirectoryController } from './application/mission-directory/read-mission-directory/read-mission-directory.controller';
import { dispatchProvider } from './infrastructure/dispatch/dispatch.provider';
import { communicationPoliciesProvider } from './infrastructure/policy/communication-policies';
import { CommunicationTemplates } from './infrastructure/templates/communication-templates';
import { CommunicationTimers } from './infrastructure/timers/communication-timers';
import { FictionalMissionContactsSeeder } from './infrastructure/persistence/fictional-mission-contacts.seeder';

/** State communication: the conversation with each State. Routes under /state-communication. */
@Module({})
export class StateCommunicationModule {
  static register(options: ServiceModuleOptions): DynamicModule {
    return {
      module: StateCommunicationModule,
      imports: serviceInfrastructure(
        {
          service: 'state-communication',
          schema: STATE_COMMUNICATION_SCHEMA,
          entities: STATE_COMMUNICATION_ENTITIES,
          migrations: STATE_COMMUNICATION_MIGRATIONS,
        },
        options,
      ),
      controllers: [
        ListStateCasesController,
        DraftCommunicationController,
        ReadCommunicationsController,
        DecideCommunicationController,
        RecordReplyController,
        AddReplyDocumentController,
        ListReplyDocumentsController,
        DownloadReplyDocumentController,
        OpenCallForInputController,
        ReadCallsForInputController,
        DecideCallForInputController,
        ReadMissionCommunicationsController,
        ReplyAsMissionController,
        AssessReplyController,
        ReadMetricsController,
        ReadMissionDirectoryController,
        ChangeMissionContactController,
      ],
      providers: [
        communicationPoliciesProvider,
        { provide: CommunicationTemplates, useFactory: () => new CommunicationTemplates() },
        dispatchProvider,
        CommunicationOutcomeWriter,
        CommunicationStepRunner,
        // Read at start: a bad IDENTITY_KEY_* or REPLY_DOCUMENTS_DIR, or an unusable directory, stops the process.
        identityVaultProvider(),
        ...replyDocumentStorageProviders(),
        AddReplyDocumentHandler,
        ReplyDocumentsReadGate,
        ReplyDocumentReader,
        EraseReplyDocumentsOnPersonalDataErasedHandler,
        CallForInputRunner,
        CommunicationDrafter,
        CommunicationTimers,
        OpenStateFileOnAllegationReceivedHandler,
        DraftOnResponseActionDecidedHandler,
        StopUnsentCommunicationsHandler,
        StateCommunicationSubscriptions,
        FictionalMissionContactsSeeder,
      ],
      exports: [CommunicationTimers],
    };
  }
}
