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
      controllers: [ListStateCasesController],
      providers: [OpenStateFileOnAllegationReceivedHandler, StateCommunicationSubscriptions],
    };
  }
}
