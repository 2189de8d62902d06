import type { DynamicModule } from '@nestjs/common';
import { ServiceMessagingModule } from '@reprisals/messaging';
import {
  serviceDatabaseModule,
  type ServiceDatabaseOptions,
  type ServiceModuleOptions,
} from './service-database.module';

export interface ServiceInfrastructureOptions extends Omit<ServiceDatabaseOptions, 'url' | 'name'> {
  /** The service's name: its routes' prefix, its data source's name and its consumer group. */
  service: string;
}

/**
 * What every service module imports: its own data source (schema and migrations) and its
 * messaging (outbox, relay, consumer, dead letters) bound to that data source.
 */
export function serviceInfrastructure(
  options: ServiceInfrastructureOptions,
  host: ServiceModuleOptions,
): DynamicModule[] {
  return [
    serviceDatabaseModule({
      name: options.service,
      schema: options.schema,
      url: host.databaseUrl,
      entities: options.entities,
      migrations: options.migrations,
    }),
    ServiceMessagingModule.forService({ service: options.service, dataSourceName: options.service }),
  ];
}
