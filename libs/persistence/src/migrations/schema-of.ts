import type { QueryRunner } from 'typeorm';
import { serviceSchemaOf } from '../data-source/service-schema';

/**
 * The schema a migration runs for, read from the data source that runs it
 * (`queryRunner.dataSource.options.schema`). Schema names are checked identifiers, so
 * `"${schemaOf(queryRunner)}"` is safe in SQL text.
 */
export function schemaOf(queryRunner: QueryRunner): string {
  return serviceSchemaOf(queryRunner.dataSource);
}
