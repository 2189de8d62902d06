import { Module, type DynamicModule } from '@nestjs/common';
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
import { dispatchProvider } from './infrastructure/dispatch/dispatch.provider';
import { communicationPoliciesProvider } from './infrastructure/policy/communication-policies';
import { CommunicationTemplates } from './infrastructure/templates/communication-templates';
import { CommunicationTimers } from './infrastructure/timers/communication-timers';

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
      ],
      providers: [
        communicationPoliciesProvider,
        { provide: CommunicationTemplates, useFactory: () => new CommunicationTemplates() },
        dispatchProvider,
        CommunicationOutcomeWriter,
        CommunicationStepRunner,
        CommunicationDrafter,
        CommunicationTimers,
        OpenStateFileOnAllegationReceivedHandler,
        DraftOnResponseActionDecidedHandler,
        StopUnsentCommunicationsHandler,
        StateCommunicationSubscriptions,
      ],
      exports: [CommunicationTimers],
    };
  }
}
