import { Inject, Injectable, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { AUDIT_ENTITIES, AUDIT_MIGRATIONS, AuditModule, AuditTrail } from '@reprisals/audit';
import { CASE_ACCESS_ENTITIES, CASE_ACCESS_MIGRATIONS } from '@reprisals/case-access';
import { ServiceMessagingModule } from '@reprisals/messaging';
import { AuditTrailRegistry } from '../audit/audit-trail.registry';
import {
  serviceDatabaseModule,
  type ServiceDatabaseOptions,
  type ServiceModuleOptions,
} from './service-database.module';

export interface ServiceInfrastructureOptions extends Omit<ServiceDatabaseOptions, 'url' | 'name'> {
  /** The service's name: its routes' prefix, its data source's name and its consumer group. */
  service: string;
}

const SERVICE_NAME = Symbol('ServiceName');

/** Makes the service's audit trail known to the guard's denial auditor. */
@Injectable()
class AuditTrailRegistration implements OnModuleInit {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    private readonly trail: AuditTrail,
    private readonly registry: AuditTrailRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.service, this.trail);
  }
}

/**
 * What every service module imports: its own data source (schema and migrations, with the
 * messaging and audit tables), its messaging (outbox, relay, consumer, dead letters) and its
 * audit trail, all bound to that data source.
 */
export function serviceInfrastructure(
  options: ServiceInfrastructureOptions,
  host: ServiceModuleOptions,
): DynamicModule[] {
  const audit = AuditModule.forService({ service: options.service, dataSourceName: options.service });
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
    ServiceMessagingModule.forService({ service: options.service, dataSourceName: options.service }),
    audit,
    {
      module: ServiceAuditRegistrationModule,
      imports: [audit],
      providers: [{ provide: SERVICE_NAME, useValue: options.service }, AuditTrailRegistration],
    },
  ];
}
