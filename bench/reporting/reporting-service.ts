/**
 * Reporting as the service runs it, without HTTP: its data source (its schema with the messaging,
 * audit and case-access tables, as serviceInfrastructure gives every service), its messaging
 * (codec, inbox, consumer) and every subscription of ReportingSubscriptions with the real handlers.
 */
import type { DataSource } from 'typeorm';
import { AUDIT_ENTITIES, AUDIT_MIGRATIONS } from '@reprisals/audit';
import { CASE_ACCESS_ENTITIES, CASE_ACCESS_MIGRATIONS } from '@reprisals/case-access';
import { SystemClock } from '@reprisals/kernel';
import { EventEnvelopeCodec, InProcessTransport, ServiceMessaging } from '@reprisals/messaging';
import { createServiceDataSource, initializeServiceDatabase } from '@reprisals/persistence';
import { ProjectAuditRecordedHandler } from '../../services/reporting/src/application/project-case-audit/project-audit-recorded.handler';
import { ProjectAllegationReceivedHandler } from '../../services/reporting/src/application/project-case-timeline/project-allegation-received.handler';
import { ProjectCasesLinkedHandler } from '../../services/reporting/src/application/project-case-timeline/project-cases-linked.handler';
import { ProjectProtocolStepHandler } from '../../services/reporting/src/application/project-case-timeline/project-protocol-step.handler';
import { ProjectVerificationCaseOpenedHandler } from '../../services/reporting/src/application/project-case-timeline/project-verification-case-opened.handler';
import { ProjectAllegationFactsHandler } from '../../services/reporting/src/application/project-report-case/project-allegation-facts.handler';
import { ProjectProtocolOutcomeHandler } from '../../services/reporting/src/application/project-report-case/project-protocol-outcome.handler';
import { ProjectStateConversationHandler } from '../../services/reporting/src/application/project-report-case/project-state-conversation.handler';
import {
  REPORTING_ENTITIES,
  REPORTING_MIGRATIONS,
  REPORTING_SCHEMA,
} from '../../services/reporting/src/infrastructure/persistence/reporting-data-source';
import { ReportingSubscriptions } from '../../services/reporting/src/reporting.subscriptions';

export interface ReportingService {
  dataSource: DataSource;
  messaging: ServiceMessaging;
  codec: EventEnvelopeCodec;
  close(): Promise<void>;
}

export async function openReportingService(url: string, poolSize = 10): Promise<ReportingService> {
  const dataSource = createServiceDataSource({
    url,
    schema: REPORTING_SCHEMA,
    entities: [...REPORTING_ENTITIES, ...AUDIT_ENTITIES, ...CASE_ACCESS_ENTITIES],
    migrations: [...REPORTING_MIGRATIONS, ...AUDIT_MIGRATIONS, ...CASE_ACCESS_MIGRATIONS],
    applicationName: 'bench-reporting',
    poolSize,
  });
  await initializeServiceDatabase(dataSource);
  const codec = new EventEnvelopeCodec();
  const transport = new InProcessTransport();
  const messaging = new ServiceMessaging({
    service: 'reporting',
    dataSource,
    transport,
    codec,
    clock: new SystemClock(),
  });
  new ReportingSubscriptions(
    messaging,
    new ProjectAllegationReceivedHandler(),
    new ProjectVerificationCaseOpenedHandler(),
    new ProjectAuditRecordedHandler(),
    new ProjectCasesLinkedHandler(),
    new ProjectProtocolStepHandler(),
    new ProjectAllegationFactsHandler(),
    new ProjectProtocolOutcomeHandler(),
    new ProjectStateConversationHandler(),
  ).onModuleInit();
  return {
    dataSource,
    messaging,
    codec,
    close: async () => {
      await transport.close();
      await dataSource.destroy();
    },
  };
}
