/**
 * A rebuild that stopped before changing the live tables, for a reason an operator can act on
 * (reporting still running, the log incomplete, events that could not be projected...).
 */
export class RebuildRefusedError extends Error {
  override readonly name = 'RebuildRefusedError';
}
