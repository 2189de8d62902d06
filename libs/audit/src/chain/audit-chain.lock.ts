import type { EntityManager } from 'typeorm';

/**
 * Takes the transaction-scoped lock that serialises everything that extends one schema's audit
 * chain (appends and checkpoints), so that two transactions never link to the same head. Held
 * until the caller's transaction ends.
 *
 * The head must then be read in a later statement of a READ COMMITTED transaction, whose snapshot
 * is taken after the lock is granted and so sees the previous holder's commit. A REPEATABLE READ
 * or SERIALIZABLE transaction may hold an older snapshot and would fork the chain: it is refused.
 */
export async function lockAuditChain(manager: EntityManager, schema: string): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('The audit chain is extended inside a transaction only');
  }
  const [state] = await manager.query<Array<{ isolation: string }>>(
    `SELECT pg_advisory_xact_lock(hashtext($1)) AS "locked", current_setting('transaction_isolation') AS "isolation"`,
    [`${schema}.audit`],
  );
  if (state?.isolation !== 'read committed') {
    throw new Error('The audit chain is extended in READ COMMITTED transactions only');
  }
}
