import type { DataSource } from 'typeorm';
import { serviceSchemaOf } from '@reprisals/persistence';
import { DURABLE_TIMER_TABLE } from '../migrations/durable-timers.migration';

/**
 * The schema-qualified `durable_timer` table of a service data source (pass `manager.dataSource`
 * for a transaction's manager). Schema names are checked identifiers, safe in SQL text.
 */
export function timerTableOf(dataSource: DataSource): string {
  return `"${serviceSchemaOf(dataSource)}"."${DURABLE_TIMER_TABLE}"`;
}
