/** SQLSTATE of a transaction PostgreSQL aborted so that another could go on: worth running again. */
const CONFLICT_SQLSTATES = new Set(['40001', '40P01']);

/** Whether an error is a serialization failure or a deadlock (TypeORM wraps the driver's error). */
export function isTransactionConflict(error: unknown): boolean {
  return [error, (error as { driverError?: unknown } | undefined)?.driverError].some(
    (candidate) =>
      typeof candidate === 'object' &&
      candidate !== null &&
      CONFLICT_SQLSTATES.has(String((candidate as { code?: unknown }).code)),
  );
}

/** Runs a transaction again, up to `attempts` times in all, when PostgreSQL aborted it as a conflict. */
export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isTransactionConflict(error)) throw error;
    }
  }
}
