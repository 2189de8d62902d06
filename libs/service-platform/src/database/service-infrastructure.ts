import { Inject, Injectable, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { AUDIT_ENTITIES, AUDIT_MIGRATIONS, AuditModule, AuditTrail } from '@reprisals/audit';
import { CASE_ACCESS_ENTITIES, CASE_ACCESS_MIGRATIONS } from '@reprisals/case-access';
import { SERVICE_NAMES, type ServiceName } from '@reprisals/contracts';
import { ServiceMessaging, ServiceMessagingModule } from '@reprisals/messaging';
import { publishAuditRecords } from '../audit/audit-record.publisher';
import { AuditCheckpoints } from '../audit/audit-checkpoints';
import { AuditTrailRegistry } from '../audit/audit-trail.registry';
import { deadLetterControllerFor } from '../dead-letters/dead-letter.controller';
import {
  serviceDatabaseModule,
  type ServiceDatabaseOptions,
  type ServiceModuleOptions,
} from './service-database.module';

export interface ServiceInfrastructureOptions extends Omit<ServiceDatabaseOptions, 'url' | 'name'> {
  /** The service's name: its routes' prefix, its data source's name and its consumer group. */
  service: ServiceName;
}

const SERVICE_NAME = Symbol('ServiceName');

/** Makes the service's audit trail known to the guard's denial auditor, and publishes its case records. */
@Injectable()
class AuditTrailRegistration implements OnModuleInit {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
    private readonly trail: AuditTrail,
    private readonly messaging: ServiceMessaging,
    private readonly registry: AuditTrailRegistry,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.service, this.trail);
    this.checkpoints.publishThrough(this.service, this.messaging);
    this.trail.publishRecordsWith(publishAuditRecords(this.service, this.messaging));
  }
}

/**
 * What every service module imports: its own data source (schema and migrations, with the
 * messaging and audit tables), its messaging (outbox, relay, consumer, dead letters) and its
 * audit trail, all bound to that data source; and its dead-letter routes, audited in that trail.
 */
export function serviceInfrastructure(
  options: ServiceInfrastructureOptions,
  host: ServiceModuleOptions,
): DynamicModule[] {
  if (!SERVICE_NAMES.includes(options.service)) throw new Error(`Unknown service ${options.service}`);
  const audit = AuditModule.forService({ service: options.service, dataSourceName: options.service });
  const messaging = ServiceMessagingModule.forService({
    service: options.service,
    dataSourceName: options.service,
  });
  @Module({})
  class ServiceAuditRegistrationModule {}
  return [
    serviceDatabaseModule({
      name: options.service,
      schema: options.schema,
      url: host.databaseUrl,
      entities: [
        ...(options.entities as unknown[]),
        ...AUDIT_ENTITIES,
        ...CASE_ACCESS_ENTITIES,
      ] as ServiceDatabaseOptions['entities'],
      migrations: [
        ...(options.migrations as unknown[]),
        ...AUDIT_MIGRATIONS,
        ...CASE_ACCESS_MIGRATIONS,
      ] as ServiceDatabaseOptions['migrations'],
    }),
    messaging,
    audit,
    {
      module: ServiceAuditRegistrationModule,
      imports: [audit, messaging],
      controllers: [deadLetterControllerFor(options.service)],
      providers: [{ provide: SERVICE_NAME, useValue: options.service }, AuditTrailRegistration],
    },
  ];
}
