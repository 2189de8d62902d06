import type { DynamicModule } from '@nestjs/common';
import type { ServiceModuleOptions } from '../database/service-database.module';

/** How a host builds a service: each service exports `XModule.register`. */
export type ServiceModuleFactory = (options: ServiceModuleOptions) => DynamicModule;
