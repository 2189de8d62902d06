import { Module, type DynamicModule } from '@nestjs/common';
import { serviceInfrastructure, type ServiceModuleOptions } from '@reprisals/service-platform';
import { GetVerificationCaseController } from './application/get-verification-case/get-verification-case.controller';
import { OpenCaseOnAllegationReceivedHandler } from './application/open-case-on-allegation-received/open-case-on-allegation-received.handler';
import {
  VERIFICATION_ENTITIES,
  VERIFICATION_MIGRATIONS,
  VERIFICATION_SCHEMA,
} from './infrastructure/persistence/verification-data-source';
import { VerificationSubscriptions } from './verification.subscriptions';

/** Verification: the graduated response protocol of each case. Routes under /verification. */
@Module({})
export class VerificationModule {
  static register(options: ServiceModuleOptions): DynamicModule {
    return {
      module: VerificationModule,
      imports: serviceInfrastructure(
        {
          service: 'verification',
          schema: VERIFICATION_SCHEMA,
          entities: VERIFICATION_ENTITIES,
          migrations: VERIFICATION_MIGRATIONS,
        },
        options,
      ),
      controllers: [GetVerificationCaseController],
      providers: [OpenCaseOnAllegationReceivedHandler, VerificationSubscriptions],
    };
  }
}
