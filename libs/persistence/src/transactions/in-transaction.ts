import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one READ COMMITTED transaction: committed when it resolves, rolled back when it
 * throws. Everything written through the given manager (a state change and its outbox events)
 * commits or vanishes together.
 */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction('READ COMMITTED', work);
}
