/**
 * The class name of what was thrown (`TypeError`, `QueryFailedError`...), the only thing kept of
 * an error: its message may carry personal data.
 */
export function errorClassOf(error: unknown): string {
  if (error instanceof Error) return (error.constructor?.name || error.name || 'Error').slice(0, 200);
  return error === null ? 'null' : typeof error;
}
