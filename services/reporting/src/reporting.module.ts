import { FinaliseReportingCycleController } from './application/reporting-cycles/finalise-reporting-cycle.controller';
import { ReportingCycleCompiler } from './application/reporting-cycles/reporting-cycle.compiler';
import { ReportingCyclesController } from './application/reporting-cycles/reporting-cycles.controller';
import { ExportReportingCycleController } from './application/export-reporting-cycle/export-reporting-cycle.controller';
import { reportingPoliciesProvider } from './infrastructure/policy/reporting-policies';
import { Module, type DynamicModule } from '@nestjs/common';
import { serviceInfrastructure, type ServiceModuleOptions } from '@reprisals/service-platform';
import { GetCaseAuditController } from './application/get-case-audit/get-case-audit.controller';
import { ProjectAuditRecordedHandler } from './application/project-case-audit/project-audit-recorded.handler';
import { GetCaseTimelineController } from './application/get-case-timeline/get-case-timeline.controller';
import { ListCasesController } from './application/list-cases/list-cases.controller';
import { ProjectAllegationReceivedHandler } from './application/project-case-timeline/project-allegation-received.handler';
import { ProjectVerificationCaseOpenedHandler } from './application/project-case-timeline/project-verification-case-opened.handler';
import {
  REPORTING_ENTITIES,
  REPORTING_MIGRATIONS,
  REPORTING_SCHEMA,
} from './infrastructure/persistence/reporting-data-source';
import { ReportingSubscriptions } from './reporting.subscriptions';
import { ProjectCasesLinkedHandler } from './application/project-case-timeline/project-cases-linked.handler';
import { ProjectProtocolStepHandler } from './application/project-case-timeline/project-protocol-step.handler';
import { ProjectAllegationFactsHandler } from './application/project-report-case/project-allegation-facts.handler';
import { ProjectProtocolOutcomeHandler } from './application/project-report-case/project-protocol-outcome.handler';
import { ProjectStateConversationHandler } from './application/project-report-case/project-state-conversation.handler';
import { ReadStatisticsController } from './application/read-statistics/read-statistics.controller';
import { statisticsSuppressionProvider } from './infrastructure/config/statistics-suppression.config';

/**
 * The handlers of reporting.subscriptions.ts: the module provides them, and a rebuild of the
 * projections (infrastructure/rebuild) builds the same subscriptions from this same list.
 */
export const REPORTING_PROJECTION_HANDLERS = [
  ProjectAllegationReceivedHandler,
  ProjectVerificationCaseOpenedHandler,
  ProjectAuditRecordedHandler,
  ProjectCasesLinkedHandler,
  ProjectProtocolStepHandler,
  ProjectAllegationFactsHandler,
  ProjectProtocolOutcomeHandler,
  ProjectStateConversationHandler,
] as const;

/** Reporting: read models built from every service's events. Routes under /reporting. */
@Module({})
export class ReportingModule {
  static register(options: ServiceModuleOptions): DynamicModule {
    return {
      module: ReportingModule,
      imports: serviceInfrastructure(
        {
          service: 'reporting',
          schema: REPORTING_SCHEMA,
          entities: REPORTING_ENTITIES,
          migrations: REPORTING_MIGRATIONS,
        },
        options,
      ),
      controllers: [
        GetCaseTimelineController,
        GetCaseAuditController,
        ListCasesController,
        ReadStatisticsController,
        ReportingCyclesController,
        ExportReportingCycleController,
        FinaliseReportingCycleController,
      ],
      providers: [
        ...REPORTING_PROJECTION_HANDLERS,
        ReportingSubscriptions,
        statisticsSuppressionProvider(),
        // The rules of reports, read and checked at start: a broken file stops the start.
        reportingPoliciesProvider,
        ReportingCycleCompiler,
      ],
    };
  }
}
