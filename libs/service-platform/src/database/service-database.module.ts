import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { EntitySchema, MixedList } from 'typeorm';
import { createServiceDataSource, initializeServiceDatabase } from '@reprisals/persistence';

export interface ServiceDatabaseOptions {
  /** Data source name, also used by @InjectDataSource(name). */
  name: string;
  /** The PostgreSQL schema the service owns. */
  schema: string;
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/**
 * The service's own data source: its schema is created and its migrations run at start,
 * before anything reads or writes.
 */
export function serviceDatabaseModule(options: ServiceDatabaseOptions): DynamicModule {
  return TypeOrmModule.forRootAsync({
    name: options.name,
    useFactory: (): TypeOrmModuleOptions => ({
      type: 'postgres',
      url: options.url,
      schema: options.schema,
      entities: options.entities,
      migrations: options.migrations,
    }),
    dataSourceFactory: async () => {
      const dataSource = createServiceDataSource({
        url: options.url,
        schema: options.schema,
        entities: options.entities,
        migrations: options.migrations,
        applicationName: `reprisals-${options.name}`,
      });
      await initializeServiceDatabase(dataSource);
      return dataSource;
    },
  });
}

/** What every service module is given by the process that hosts it. */
export interface ServiceModuleOptions {
  databaseUrl: string;
}
