import type { DataSource } from 'typeorm';

/** The schema a data source made by createServiceDataSource() owns. */
export function serviceSchemaOf(dataSource: DataSource): string {
  const schema = dataSource.options.type === 'postgres' ? dataSource.options.schema : undefined;
  if (!schema) throw new Error('The data source has no schema: create it with createServiceDataSource()');
  return schema;
}
