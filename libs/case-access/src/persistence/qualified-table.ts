import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** `"schema"."table"` of an entity in the data source of `manager`, for hand-written SQL. */
export function qualifiedTable(manager: EntityManager, target: EntityTarget<ObjectLiteral>): string {
  const metadata = manager.dataSource.getMetadata(target);
  const escape = (name: string): string => manager.dataSource.driver.escape(name);
  return metadata.schema
    ? `${escape(metadata.schema)}.${escape(metadata.tableName)}`
    : escape(metadata.tableName);
}
