import { Module, type DynamicModule } from '@nestjs/common';
import { serviceInfrastructure, type ServiceModuleOptions } from '@reprisals/service-platform';
import { GetAllegationController } from './application/get-allegation/get-allegation.controller';
import { ReceiveAllegationController } from './application/receive-allegation/receive-allegation.controller';
import { ReceiveAllegationHandler } from './application/receive-allegation/receive-allegation.handler';
import {
  INTAKE_ENTITIES,
  INTAKE_MIGRATIONS,
  INTAKE_SCHEMA,
} from './infrastructure/persistence/intake-data-source';
import { IntakeSubscriptions } from './intake.subscriptions';

/** Intake: where an entity records an allegation as it arrives. Routes under /intake. */
@Module({})
export class IntakeModule {
  static register(options: ServiceModuleOptions): DynamicModule {
    return {
      module: IntakeModule,
      imports: serviceInfrastructure(
        {
          service: 'intake',
          schema: INTAKE_SCHEMA,
          entities: INTAKE_ENTITIES,
          migrations: INTAKE_MIGRATIONS,
        },
        options,
      ),
      controllers: [ReceiveAllegationController, GetAllegationController],
      providers: [ReceiveAllegationHandler, IntakeSubscriptions],
    };
  }
}
