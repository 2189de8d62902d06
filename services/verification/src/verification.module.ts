import { Module, type DynamicModule } from '@nestjs/common';
import { serviceInfrastructure, type ServiceModuleOptions } from '@reprisals/service-platform';
import { DecideApprovalController } from './application/decide-approval/decide-approval.controller';
import { GetVerificationCaseController } from './application/get-verification-case/get-verification-case.controller';
import { ListApprovalsController } from './application/list-approvals/list-approvals.controller';
import { ListProtocolDecisionsController } from './application/list-protocol-decisions/list-protocol-decisions.controller';
import { ListVerificationCasesController } from './application/list-verification-cases/list-verification-cases.controller';
import { OpenCaseOnAllegationReceivedHandler } from './application/open-case-on-allegation-received/open-case-on-allegation-received.handler';
import { ProtocolOutcomeWriter } from './application/protocol-steps/protocol-outcome.writer';
import { ProtocolStepRunner } from './application/protocol-steps/protocol-step.runner';
import { PublishResponseProtocolController } from './application/publish-response-protocol/publish-response-protocol.controller';
import { ProtocolReactionHandlers } from './application/react-to-other-services/protocol-reaction.handlers';
import { ProtocolReactionRunner } from './application/react-to-other-services/protocol-reaction.runner';
import { TakeProtocolStepController } from './application/take-protocol-step/take-protocol-step.controller';
import { VerificationCaseReader } from './application/verification-case.reader';
import { protocolPoliciesProvider } from './infrastructure/policy/protocol-policies.provider';
import {
  VERIFICATION_ENTITIES,
  VERIFICATION_MIGRATIONS,
  VERIFICATION_SCHEMA,
} from './infrastructure/persistence/verification-data-source';
import { ProtocolTimers } from './infrastructure/timers/protocol-timers';
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
      controllers: [
        PublishResponseProtocolController,
        ListVerificationCasesController,
        GetVerificationCaseController,
        ListProtocolDecisionsController,
        TakeProtocolStepController,
        ListApprovalsController,
        DecideApprovalController,
      ],
      providers: [
        protocolPoliciesProvider,
        ProtocolOutcomeWriter,
        ProtocolStepRunner,
        ProtocolReactionRunner,
        ProtocolReactionHandlers,
        VerificationCaseReader,
        ProtocolTimers,
        OpenCaseOnAllegationReceivedHandler,
        VerificationSubscriptions,
      ],
      exports: [ProtocolTimers],
    };
  }
}
